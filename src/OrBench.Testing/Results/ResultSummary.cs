using System.Globalization;
using System.Text;

namespace OrBench.Testing.Results;

/// <summary>A plain-text summary of a result (rates with intervals, per-category table, errors, tokens, time) for test output and logs.</summary>
public static class ResultSummary
{
    /// <summary>Formats the summary. Contains no response text.</summary>
    public static string Format(OrBenchResult result, ErrorPolicy errors = ErrorPolicy.CountAgainst, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.Append(inv, $"OrBench result: {result.Prompts}, model {result.Model ?? "(unknown)"}, {result.Records.Count} records, {Errors(ErrorCounts.Of(result))}, {result.WallSeconds:0.0} s, {Tokens(result)}");
        Append(text, "over-refusal", result.OverRefusalRate(errors, confidence), result.OverRefusalRateByCategory(errors, confidence));
        Append(text, "toxic acceptance", result.ToxicAcceptanceRate(errors, confidence), result.ToxicAcceptanceRateByCategory(errors, confidence));
        return text.ToString();

        static string Errors(ErrorCounts errors) => string.Create(CultureInfo.InvariantCulture, $"{errors.Request} request errors, {errors.Classification} classification errors");

        // No record with a token count means the server reports no usage; "tokens 0 in / 0 out" would read as free.
        static string Tokens(OrBenchResult result) => result.Records.Any(r => r.InputTokens is not null || r.OutputTokens is not null)
            ? string.Create(CultureInfo.InvariantCulture, $"tokens {result.Records.Sum(r => r.InputTokens ?? 0)} in / {result.Records.Sum(r => r.OutputTokens ?? 0)} out")
            : "tokens not reported";

        static void Append(StringBuilder text, string name, Statistics.RateEstimate overall, IReadOnlyDictionary<string, Statistics.RateEstimate> byCategory)
        {
            if (overall.N == 0)
            {
                return;
            }

            text.Append(CultureInfo.InvariantCulture, $"\n  {name}: {overall}");
            var width = Math.Max(8, byCategory.Keys.Max(k => k.Length));
            foreach (var (category, rate) in byCategory)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n    {category.PadRight(width)} {rate}");
            }
        }
    }
}
