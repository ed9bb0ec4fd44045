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
/// front: <c>h1k-</c>, <c>tox-</c>, <c>80k-</c>, or the caller's prefix for custom sets (default <c>cus-</c>).</item>
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
    /// <summary>Hex digits of the SHA-256 kept in an id.</summary>
    public const int HashHexLength = 12;

    /// <summary>The default id prefix of custom prompt sets.</summary>
    public const string CustomPrefix = "cus-";

    /// <summary>The id prefix of a subset: <c>h1k-</c>, <c>tox-</c>, <c>80k-</c> or <c>cus-</c>.</summary>
    public static string PrefixFor(OrBenchSubset subset) => subset switch
    {
        OrBenchSubset.Hard1K => "h1k-",
        OrBenchSubset.Toxic => "tox-",
        OrBenchSubset.Full80K => "80k-",
        OrBenchSubset.Custom => CustomPrefix,
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
        var normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            throw new ArgumentException("A prompt id cannot be derived from empty text.", nameof(text));
        }

        return FromNormalized(normalized, prefix);
    }

    /// <summary>The id of a prompt text of a subset.</summary>
    public static string Derive(string text, OrBenchSubset subset) => Derive(text, PrefixFor(subset));

    private static bool IsCollapsed(string text)
    {
        if (text.Length == 0)
        {
            return true;
        }

        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return false;
        }

        var previousSpace = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (previousSpace)
                {
                    return false;
                }

                previousSpace = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                return false;
            }
            else
            {
                previousSpace = false;
            }
        }

        return true;
    }

    internal static string FromNormalized(string normalized, string prefix)
    {
        var byteCount = Encoding.UTF8.GetByteCount(normalized);
        var buffer = byteCount <= 1024 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(normalized, buffer);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer, hash);
        return string.Concat(prefix, Convert.ToHexStringLower(hash[..(HashHexLength / 2)]));
    }
}
