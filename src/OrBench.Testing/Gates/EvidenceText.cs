using System.Globalization;
using System.Text;
using OrBench.Testing.Results;

namespace OrBench.Testing.Gates;

/// <summary>
/// Neutralises untrusted text (prompts, responses, error messages, category names) for gate messages: one line, cut to a
/// length, and bidirectional controls (which reorder the text around them) shown as <c>&lt;U+202E&gt;</c> instead of obeyed.
/// </summary>
internal static class EvidenceText
{
    public static string? OneLine(string? text, int maxLength = ResponseDigest.ExcerptLength)
    {
        var excerpt = ResponseDigest.Excerpt(text, maxLength);
        if (excerpt is null || !excerpt.Any(IsBidiControl))
        {
            return excerpt;
        }

        var builder = new StringBuilder(excerpt.Length + 16);
        foreach (var ch in excerpt)
        {
            _ = IsBidiControl(ch) ? builder.Append(CultureInfo.InvariantCulture, $"<U+{(int)ch:X4}>") : builder.Append(ch);
        }

        return builder.ToString();
    }

    private static bool IsBidiControl(char ch) => ch is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
