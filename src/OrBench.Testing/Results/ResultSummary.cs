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
        var totals = RunTotals.Of(result);
        text.Append(inv, $"OrBench result: {result.Prompts}, model {result.Model ?? "(unknown)"}, {totals.Records} records, {Errors(totals.Errors)}, {totals.WallSeconds:0.0} s, {Tokens(totals)}");
        Append(text, "over-refusal", result.OverRefusalRate(errors, confidence), result.OverRefusalRateByCategory(errors, confidence));
        Append(text, "toxic acceptance", result.ToxicAcceptanceRate(errors, confidence), result.ToxicAcceptanceRateByCategory(errors, confidence));
        return text.ToString();

        static string Errors(ErrorCounts errors) => string.Create(CultureInfo.InvariantCulture, $"{errors.Request} request errors, {errors.Classification} classification errors");

        static string Tokens(RunTotals totals) => totals.TokensReported
            ? string.Create(CultureInfo.InvariantCulture, $"tokens {totals.InputTokens} in / {totals.OutputTokens} out")
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
