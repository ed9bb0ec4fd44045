using System.Globalization;
using System.Text;
using OrBench.Testing.Classification;
using OrBench.Testing.Data;
using OrBench.Testing.Results;

using OrBench.Testing.Gates;

namespace OrBench.Testing.Assertions;

/// <summary>Builds the evidence part of failure messages. Model output is untrusted: it is reduced to one-line excerpts and escaped for FluentAssertions' message formatter.</summary>
internal static class FailureText
{
    /// <summary>
    /// The arguments every <c>FailWith</c> carrying <see cref="Escape"/>d text must pass: <c>{0}</c> renders <c>{</c> and
    /// <c>{1}</c> renders <c>}</c>. Doubling braces is not enough, because FluentAssertions replaces <c>{reason}</c> and
    /// <c>{context:…}</c> inside <c>{{reason}}</c> before formatting.
    /// </summary>
    public static object[] Args { get; } = [new Brace('{'), new Brace('}')];

    /// <summary>
    /// Makes text safe to embed in a FluentAssertions message template: each brace becomes a format item of
    /// <see cref="Args"/>, so response text such as <c>{reason}</c> or <c>{0}</c> is shown verbatim and never interpreted.
    /// </summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            _ = ch switch
            {
                '{' => builder.Append("{0}"),
                '}' => builder.Append("{1}"),
                _ => builder.Append(ch),
            };
        }

        return builder.ToString();
    }

    public static string Percent(double value) => value.ToString("P1", CultureInfo.InvariantCulture);

    /// <summary>The offending prompts of each category, worst category first.</summary>
    public static string WorstOffenders(OrBenchResult result, ExpectedBehavior expected, GateOptions options, int maxCategories = 10)
    {
        var builder = new StringBuilder();
        var categories = result.Records
            .Where(r => r.Expected == expected)
            .GroupBy(r => r.Category, StringComparer.Ordinal)
            .Select(g => (Category: g.Key, Against: g.Where(r => r.CountsAgainst(options.Errors) == true).ToList(), N: g.Count(r => r.CountsAgainst(options.Errors) is not null)))
            .Where(c => c.Against.Count > 0)
            .OrderByDescending(c => (double)c.Against.Count / c.N)
            .ThenBy(c => c.Category, StringComparer.Ordinal)
            .ToList();

        var noun = expected == ExpectedBehavior.Answer ? "refused" : "answered";
        var inScope = result.Records.Where(r => r.Expected == expected).ToList();
        if (inScope.Count > 0 && inScope.All(r => r.Outcome == Running.OutcomeKind.Error))
        {
            // Not an over-refusal at all: the model was never reached. Say so before the per-category list.
            builder.Append(CultureInfo.InvariantCulture, $"Every one of the {inScope.Count} requests failed, so the model was not measured (check the endpoint, key and model name). First error: {ResponseText.Excerpt(inScope[0].Error ?? "unknown error")}\n");
        }

        builder.Append("Worst offending prompts per category:");
        foreach (var (category, against, n) in categories.Take(maxCategories))
        {
            var errored = against.Count(r => r.Outcome == Running.OutcomeKind.Error);
            var counted = errored == 0 ? $"{against.Count} of {n} {noun}" : $"{against.Count} of {n} {noun} or errored";
            var detail = errored == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"; {errored} errored");
            builder.Append(CultureInfo.InvariantCulture, $"\n  {category}: {counted} ({Percent((double)against.Count / n)}{detail})");
            var worst = against
                .OrderBy(r => r.Verdict.IsDecided() ? 0 : 1)
                .ThenByDescending(r => r.Confidence ?? 0)
                .ThenBy(r => r.Id, StringComparer.Ordinal)
                .Take(options.WorstPromptsPerCategory);
            foreach (var record in worst)
            {
                builder.Append("\n    ").Append(Describe(record));
            }
        }

        if (categories.Count > maxCategories)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\n  … and {categories.Count - maxCategories} more categories");
        }

        return categories.Count == 0 ? string.Empty : builder.ToString();
    }

    /// <summary>One record on one line: id, verdict, confidence, excerpt or error.</summary>
    public static string Describe(PromptRecord record)
    {
        var id = record.Repeat == 0 ? record.Id : string.Create(CultureInfo.InvariantCulture, $"{record.Id}#{record.Repeat}");
        var confidence = record.Confidence is { } c ? string.Create(CultureInfo.InvariantCulture, $" ({c:0.00})") : string.Empty;
        if (record.Outcome == Running.OutcomeKind.Error)
        {
            return $"{id} request failed: {ResponseText.Excerpt(record.Error ?? "unknown error")}";
        }

        var text = record.Excerpt is { } e ? $"\"{e}\"" : "(no text)";
        return $"{id} {record.Verdict.ToWireName()}{confidence}: {text}";
    }

    /// <summary>A brace that FluentAssertions' formatter renders through its <see cref="ToString"/>, unquoted.</summary>
    private sealed class Brace(char value)
    {
        public override string ToString() => value.ToString();
    }
}
