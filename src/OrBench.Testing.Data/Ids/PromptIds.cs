using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace OrBench.Testing.Data;

/// <summary>
/// Derives the stable prompt ids of <see cref="OrBenchPrompt.Id"/>. An id depends only on the prompt text, so it
/// survives reordering of the file, line-ending conversion and re-indentation, and is identical on every OS,
/// culture and runtime.
/// </summary>
/// <remarks>
/// Algorithm (version 1):
/// <list type="number">
/// <item>Normalise the text: every run of white space (<see cref="char.IsWhiteSpace(char)"/>, which includes
/// <c>\r</c>, <c>\n</c>, tab and no-break space) becomes one U+0020 space; leading and trailing white space is
/// removed. Case, punctuation and every other character are kept exactly.</item>
/// <item>Hash the UTF-8 bytes of the normalised text with SHA-256.</item>
/// <item>Take the first <see cref="HashHexLength"/> lower-case hex digits (48 bits) and put the subset prefix in
/// front: <c>h1k-</c>, <c>tox-</c>, <c>80k-</c>, <c>xss-</c>, <c>xsu-</c>, or the caller's prefix for custom sets (default <c>cus-</c>).</item>
/// </list>
/// Unicode NFC is deliberately <em>not</em> applied: .NET normalises through ICU, which is absent under invariant
/// globalization (containers, trimmed apps), where <see cref="string.Normalize()"/> leaves text unchanged, so an
/// NFC step would give different ids on different machines. Composed and decomposed accents are therefore different
/// prompts. The white-space table is built into the runtime and needs no ICU.
/// 48 bits keep the chance of any collision among the 80,359 prompts of OR-Bench-80K near 1 in 90,000; a
/// collision is still detected at load time and reported with both lines.
/// </remarks>
public static class PromptIds
{
    /// <summary>Every <see cref="char.IsWhiteSpace(char)"/> character except U+0020, for the vectorised normal-form check.</summary>
    private static readonly SearchValues<char> WhiteSpaceOtherThanSpace = SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => c != ' ' && char.IsWhiteSpace(c)).ToArray());

    [ThreadStatic]
    private static IncrementalHash? ThreadSha256;

    /// <summary>Hex digits of the SHA-256 kept in an id.</summary>
    public const int HashHexLength = 12;

    /// <summary>The default id prefix of custom prompt sets.</summary>
    public const string CustomPrefix = "cus-";

    /// <summary>The id prefix of a subset: <c>h1k-</c>, <c>tox-</c>, <c>80k-</c>, <c>cus-</c>, or <c>xss-</c>/<c>xsu-</c> for XSTest's safe/unsafe prompts.</summary>
    public static string PrefixFor(OrBenchSubset subset) => subset switch
    {
        OrBenchSubset.Hard1K => "h1k-",
        OrBenchSubset.Toxic => "tox-",
        OrBenchSubset.Full80K => "80k-",
        OrBenchSubset.Custom => CustomPrefix,
        OrBenchSubset.XSTestSafe => "xss-",
        OrBenchSubset.XSTestUnsafe => "xsu-",
        _ => throw new ArgumentOutOfRangeException(nameof(subset), subset, "Unknown subset."),
    };

    /// <summary>
    /// The normal form ids are computed from: white-space runs collapsed to one space, trimmed (no Unicode normalisation).
    /// Two prompts with the same normal form are the same prompt.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nfc = text;
        if (IsCollapsed(nfc))
        {
            return nfc;
        }

        var builder = new StringBuilder(nfc.Length);
        var changed = false;
        var runLength = 0;
        var runFirst = ' ';
        foreach (var c in nfc)
        {
            if (char.IsWhiteSpace(c))
            {
                if (runLength++ == 0)
                {
                    runFirst = c;
                }

                continue;
            }

            if (runLength > 0)
            {
                if (builder.Length > 0)
                {
                    builder.Append(' ');
                    changed |= runLength > 1 || runFirst != ' ';
                }
                else
                {
                    changed = true;
                }

                runLength = 0;
            }

            builder.Append(c);
        }

        changed |= runLength > 0;
        return changed ? builder.ToString() : nfc;
    }

    /// <summary>The id of a prompt text under a prefix, e.g. <c>h1k-3fa9c2d1e07b</c>.</summary>
    /// <exception cref="ArgumentException">The text is empty after normalisation.</exception>
    public static string Derive(string text, string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(text);
        return TryDerive(text, prefix) ?? throw new ArgumentException("A prompt id cannot be derived from empty text.", nameof(text));
    }

    /// <summary>The id of a prompt text of a subset.</summary>
    public static string Derive(string text, OrBenchSubset subset) => Derive(text, PrefixFor(subset));

    /// <summary>True when the text is already in normal form (no white space but single inner spaces); vectorised.</summary>
    private static bool IsCollapsed(ReadOnlySpan<char> text) =>
        text.Length == 0
        || (text[0] != ' ' && text[^1] != ' ' && !text.ContainsAny(WhiteSpaceOtherThanSpace) && !text.Contains("  ", StringComparison.Ordinal));

    /// <summary>
    /// The id of a text, or null when it is empty after normalisation. Normalises into a stack or pooled buffer
    /// and hashes from there with a per-thread SHA-256 instance, so loading 80K prompts allocates nothing per
    /// prompt but the id itself. Most prompts are already in normal form; they are encoded straight from the string.
    /// </summary>
    [SkipLocalsInit]
    internal static string? TryDerive(string text, string prefix)
    {
        if (IsCollapsed(text))
        {
            return text.Length == 0 ? null : Hash(text, prefix);
        }

        char[]? rented = null;
        var chars = text.Length <= 512 ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            var length = NormalizeInto(text, chars);
            return length == 0 ? null : Hash(chars[..length], prefix);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The ids of many texts at once (null where a text is empty after normalisation), identical to calling
    /// <see cref="TryDerive"/> on each: eight normalised texts are hashed together by <see cref="Sha256x8"/> where the
    /// hardware allows. This is what makes loading OR-Bench-80K cheap.
    /// </summary>
    [SkipLocalsInit]
    internal static void TryDeriveMany(ReadOnlySpan<string> texts, string prefix, Span<string?> ids)
    {
        if (!Sha256x8.IsSupported)
        {
            for (var i = 0; i < texts.Length; i++)
            {
                ids[i] = TryDerive(texts[i], prefix);
            }

            return;
        }

        Span<int> offsets = stackalloc int[Sha256x8.Lanes];
        Span<int> lengths = stackalloc int[Sha256x8.Lanes];
        Span<int> targets = stackalloc int[Sha256x8.Lanes];
        Span<byte> digests = stackalloc byte[Sha256x8.Lanes * SHA256.HashSizeInBytes];
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            var lanes = 0;
            var used = 0;
            for (var i = 0; i < texts.Length; i++)
            {
                var text = texts[i];
                var maxBytes = Encoding.UTF8.GetMaxByteCount(text.Length);
                if (maxBytes > LongTextBytes)
                {
                    ids[i] = TryDerive(text, prefix);
                    continue;
                }

                if (used + maxBytes > buffer.Length)
                {
                    HashLanes(buffer, offsets[..lanes], lengths[..lanes], targets[..lanes], digests, prefix, ids);
                    lanes = used = 0;
                }

                var length = NormalizeToUtf8(text, buffer.AsSpan(used, maxBytes));
                if (length == 0)
                {
                    ids[i] = null;
                    continue;
                }

                offsets[lanes] = used;
                lengths[lanes] = length;
                targets[lanes] = i;
                used += length;
                if (++lanes == Sha256x8.Lanes)
                {
                    HashLanes(buffer, offsets, lengths, targets, digests, prefix, ids);
                    lanes = used = 0;
                }
            }

            HashLanes(buffer, offsets[..lanes], lengths[..lanes], targets[..lanes], digests, prefix, ids);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Texts longer than this (in worst-case UTF-8 bytes) are hashed alone, so one long prompt does not make seven short ones wait.</summary>
    private const int LongTextBytes = 4 * 1024;

    private static void HashLanes(byte[] buffer, ReadOnlySpan<int> offsets, ReadOnlySpan<int> lengths, ReadOnlySpan<int> targets, Span<byte> digests, string prefix, Span<string?> ids)
    {
        if (lengths.IsEmpty)
        {
            return;
        }

        Sha256x8.Hash(buffer, offsets, lengths, digests);
        for (var lane = 0; lane < lengths.Length; lane++)
        {
            ids[targets[lane]] = FormatId(prefix, digests.Slice(lane * SHA256.HashSizeInBytes, SHA256.HashSizeInBytes));
        }
    }

    /// <summary>Writes the UTF-8 bytes of the normal form of <paramref name="text"/>; returns their count (0 when empty).</summary>
    [SkipLocalsInit]
    private static int NormalizeToUtf8(string text, Span<byte> destination)
    {
        if (IsCollapsed(text))
        {
            return Encoding.UTF8.GetBytes(text, destination);
        }

        char[]? rented = null;
        var chars = text.Length <= 512 ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            var length = NormalizeInto(text, chars);
            return Encoding.UTF8.GetBytes(chars[..length], destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    [SkipLocalsInit]
    private static string FormatId(string prefix, ReadOnlySpan<byte> hash)
    {
        Span<char> id = stackalloc char[prefix.Length + HashHexLength];
        prefix.CopyTo(id);
        Convert.TryToHexStringLower(hash[..(HashHexLength / 2)], id[prefix.Length..], out _);
        return new string(id);
    }

    private static int NormalizeInto(ReadOnlySpan<char> text, Span<char> destination)
    {
        var written = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = written > 0;
                continue;
            }

            if (pendingSpace)
            {
                destination[written++] = ' ';
                pendingSpace = false;
            }

            destination[written++] = c;
        }

        return written;
    }

    [SkipLocalsInit]
    private static string Hash(ReadOnlySpan<char> normalized, string prefix)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(normalized.Length);
        byte[]? rented = null;
        var bytes = maxBytes <= 1536 ? stackalloc byte[maxBytes] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var count = Encoding.UTF8.GetBytes(normalized, bytes);
            var sha256 = ThreadSha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            sha256.AppendData(bytes[..count]);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            sha256.GetHashAndReset(hash);
            return FormatId(prefix, hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
