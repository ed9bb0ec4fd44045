using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace OrBench.Testing.Results;

/// <summary>
/// The two digests of a response that records keep: a hash that detects any wording change, and a short one-line
/// excerpt for failure messages and reports. (Normalising a response's opening for the classifiers is a different
/// job, internal to Classification.)
/// </summary>
public static class ResponseDigest
{
    /// <summary>Length of <see cref="Excerpt"/> in characters, ellipsis included.</summary>
    public const int ExcerptLength = 160;

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <paramref name="text"/>; null for null.</summary>
    public static string? Sha256(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var count = Encoding.UTF8.GetBytes(text, buffer);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, count), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The start of <paramref name="text"/> on one line: runs of white space (newlines included) become one space, and
    /// text longer than <paramref name="maxLength"/> is cut with an ellipsis. Null for null. The text stays untrusted.
    /// </summary>
    public static string? Excerpt(string? text, int maxLength = ExcerptLength)
    {
        if (text is null)
        {
            return null;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var builder = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        var pendingSpace = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch) || char.IsControl(ch))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(ch);
            if (builder.Length > maxLength)
            {
                break;
            }
        }

        if (builder.Length > maxLength)
        {
            builder.Length = maxLength - 1;
            if (char.IsHighSurrogate(builder[^1]))
            {
                builder.Length--;
            }

            builder.Append('…');
        }

        return builder.ToString();
    }
}
