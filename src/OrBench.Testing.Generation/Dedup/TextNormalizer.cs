using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrBench.Testing.Generation.Dedup;

/// <summary>
/// The text normal forms used for de-duplication and ids: an exact-duplicate key (case-folded, white space
/// collapsed) and a token set (lower-case runs of letters and digits, apostrophes dropped so "don't" = "dont").
/// No Unicode normalisation: it depends on ICU, which invariant-globalization machines lack, and would make
/// de-duplication differ between machines (the same reason <see cref="Data.PromptIds"/> avoids it).
/// </summary>
internal static class TextNormalizer
{
    /// <summary>The exact-duplicate key: texts that differ only in case or white space share it.</summary>
    public static string ExactKey(string text)
    {
        var normalized = text.ToLowerInvariant();
        var builder = new StringBuilder(normalized.Length);
        var pendingSpace = false;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>The distinct tokens of the text, sorted ordinally.</summary>
    public static string[] Tokens(string text)
    {
        var tokens = new SortedSet<string>(StringComparer.Ordinal);
        var current = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (c is '\'' or '\u2019')
            {
                // apostrophes join: "don't" -> "dont"
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return [.. tokens];
    }

    /// <summary>A stable id: the prefix and the first 12 hex digits of the SHA-256 of the parts' exact keys.</summary>
    public static string StableId(string prefix, params string[] parts)
    {
        var joined = string.Join('\u001f', parts.Select(ExactKey));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(joined));
        return prefix + Convert.ToHexStringLower(hash)[..12];
    }

    /// <summary>Lower-case hex SHA-256 of a string.</summary>
    public static string Sha256(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Formats an invariant number.</summary>
    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
