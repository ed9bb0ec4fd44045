using System.Text.RegularExpressions;

namespace OrBench.Testing.Generation.Seeds;

/// <summary>
/// Reads a list of prompts out of free model text with the paper's fallbacks: every <c>[[...]]</c> item; when there
/// is none, every <c>«...»</c> item; when there is none, every numbered line (<c>1. ...</c>, <c>2) ...</c>).
/// Anything else is malformed and yields an empty list, which callers count rather than guess at.
/// </summary>
internal static partial class MarkedListParser
{
    /// <summary>The items found, trimmed, with surrounding quotes and Markdown emphasis removed and empty items skipped, in text order.</summary>
    public static MarkedList Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new MarkedList([], MarkedListFormat.None);
        }

        var bracketed = Extract(DoubleBrackets(), text);
        if (bracketed.Count > 0)
        {
            return new MarkedList(bracketed, MarkedListFormat.DoubleBrackets);
        }

        var guillemets = Extract(Guillemets(), text);
        if (guillemets.Count > 0)
        {
            return new MarkedList(guillemets, MarkedListFormat.Guillemets);
        }

        var numbered = Extract(NumberedLine(), text);
        return numbered.Count > 0
            ? new MarkedList(numbered, MarkedListFormat.NumberedLines)
            : new MarkedList([], MarkedListFormat.None);
    }

    private static List<string> Extract(Regex pattern, string text)
    {
        var items = new List<string>();
        foreach (Match match in pattern.Matches(text))
        {
            var item = Clean(match.Groups["item"].Value);
            if (item.Length > 0)
            {
                items.Add(item);
            }
        }

        return items;
    }

    private static string Clean(string item)
    {
        var trimmed = item.Trim();
        while (true)
        {
            if (trimmed.Length >= 2 && IsQuotePair(trimmed[0], trimmed[^1]))
            {
                trimmed = trimmed[1..^1].Trim();
            }
            else if (StripEmphasis(trimmed) is { } inner)
            {
                trimmed = inner;
            }
            else
            {
                return trimmed;
            }
        }
    }

    /// <summary>
    /// Markdown emphasis or code marks around a whole item ("1. **How do I …?**") are formatting, not prompt text:
    /// the same run of <c>*</c>, <c>_</c> or <c>`</c> at both ends, and none inside ("`ls` or `dir`" is kept).
    /// </summary>
    private static string? StripEmphasis(string text)
    {
        foreach (var mark in "*_`")
        {
            var leading = text.Length - text.TrimStart(mark).Length;
            var trailing = text.Length - text.TrimEnd(mark).Length;
            if (leading > 0 && leading == trailing && text.Length > leading * 2)
            {
                var inner = text[leading..^trailing];
                if (!inner.Contains(mark, StringComparison.Ordinal))
                {
                    return inner.Trim();
                }
            }
        }

        return null;
    }

    private static bool IsQuotePair(char open, char close) =>
        (open, close) is ('"', '"') or ('\'', '\'') or ('\u201C', '\u201D') or ('\u2018', '\u2019');

    // An item never holds "[[": an opening bracket left unclosed is dropped instead of swallowing the next item.
    [GeneratedRegex(@"\[\[(?<item>(?:(?!\[\[).)*?)\]\]", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex DoubleBrackets();

    [GeneratedRegex(@"«(?<item>[^«»]*?)»", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Guillemets();

    [GeneratedRegex(@"^[ \t]*\d{1,4}[.)][ \t]+(?<item>\S.*?)[ \t]*\r?$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex NumberedLine();
}

/// <summary>The items of a list found in model text, and which marker they were found by.</summary>
/// <param name="Items">The items, in text order.</param>
/// <param name="Format">Which fallback matched; <see cref="MarkedListFormat.None"/> for malformed text.</param>
internal sealed record MarkedList(IReadOnlyList<string> Items, MarkedListFormat Format);

/// <summary>Which marker a list was parsed by.</summary>
internal enum MarkedListFormat
{
    /// <summary>Nothing recognisable: the answer is malformed.</summary>
    None,

    /// <summary>Items wrapped in <c>[[ ]]</c>, as asked.</summary>
    DoubleBrackets,

    /// <summary>Items wrapped in <c>« »</c>.</summary>
    Guillemets,

    /// <summary>Numbered lines.</summary>
    NumberedLines,
}
