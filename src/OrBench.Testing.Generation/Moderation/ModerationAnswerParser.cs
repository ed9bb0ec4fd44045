using System.Text.RegularExpressions;
using OrBench.Testing.Data;

namespace OrBench.Testing.Generation.Moderation;

/// <summary>
/// Reads a moderator's choice: the last <c>[[...]]</c> of its answer, which must be exactly one of the offered
/// categories or "none of the above" (case, quotes, Markdown emphasis, a trailing full stop and extra spaces are forgiven). Anything
/// else, including an answer without brackets, is unparseable: never guessed from the surrounding prose.
/// </summary>
internal static partial class ModerationAnswerParser
{
    /// <summary>The category named, <c>none of the above</c>, or null when the answer cannot be read.</summary>
    public static string? Parse(string? answer, IReadOnlyList<OrBenchCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        if (string.IsNullOrEmpty(answer))
        {
            return null;
        }

        var matches = Bracketed().Matches(answer);
        if (matches.Count == 0)
        {
            return null;
        }

        var choice = Normalize(matches[^1].Groups["choice"].Value);
        if (choice is ModerationPrompt.NoneOfTheAbove or "none")
        {
            return ModerationPrompt.NoneOfTheAbove;
        }

        foreach (var category in categories)
        {
            if (string.Equals(choice, Normalize(category.Value), StringComparison.Ordinal))
            {
                return category.Value;
            }
        }

        return null;
    }

    private static string Normalize(string value)
    {
        var collapsed = Spaces().Replace(value.Trim().ToLowerInvariant(), " ");
        return collapsed.Trim('"', '\'', '\u201C', '\u201D', '\u2018', '\u2019', '.', ' ', '*', '_', '`');
    }

    [GeneratedRegex(@"\[\[(?<choice>.*?)\]\]", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
