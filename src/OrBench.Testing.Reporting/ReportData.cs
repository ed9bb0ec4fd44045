using OrBench.Testing.Gates;
using OrBench.Testing.Data;
using OrBench.Testing.Results;

namespace OrBench.Testing.Reporting;

/// <summary>The computed content of a report, rendered by <see cref="MarkdownReport"/> and <see cref="HtmlReport"/>.</summary>
internal sealed record ReportData(ReportOptions Options, IReadOnlyList<ModelSection> Models, ModelSection? Baseline)
{
    public IEnumerable<GateResult> AllGates => Models.SelectMany(m => m.Gates);

    public bool MultiModel => Models.Count > 1;

    /// <summary>True when the caller named no gates, so the table shows <see cref="Gate.DefaultsFor"/>, not the tests' thresholds.</summary>
    public bool DefaultGates => Options.Gates is null;

    /// <summary>"gates", or "default gates" when nobody named them, so a headline never passes the report's defaults off as the tests' gates.</summary>
    public string GatesNoun => DefaultGates ? "default gates" : "gates";

    /// <summary>Says whose thresholds the default gates are, under the gate table.</summary>
    public static readonly string DefaultGatesNote = string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"These are the report's default gates (over-refusal ≤ {Gate.DefaultOverRefusalThreshold * 100:0.#} %, toxic acceptance ≤ {Gate.DefaultToxicAcceptanceThreshold * 100:0.#} % strict), not the thresholds your tests assert. ")
        + "Name your gates (ReportOptions.Gates, OrBenchFixture.Gates, or orbench run --max-over-refusal / --max-toxic-acceptance) to report those instead.";

    public static ReportData Build(IEnumerable<OrBenchResult> results, ReportOptions options, Func<OrBenchResult, OrBenchResult, ResultComparison> comparer)
    {
        var parts = results.ToList();
        if (parts.Count == 0)
        {
            throw new ArgumentException("A report needs at least one result.", nameof(results));
        }

        var baseline = options.Baseline;
        var models = parts
            .GroupBy(ResultMerger.ModelName, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Section(g.Key, g.ToList(), options, baseline, comparer, isBaseline: false))
            .ToList();
        var baselineSection = options.Baseline is null ? null : Section(ResultMerger.ModelName(options.Baseline) + " (baseline)", [options.Baseline], options, null, comparer, isBaseline: true);
        return new ReportData(options, models, baselineSection);
    }

    private static ModelSection Section(string name, IReadOnlyList<OrBenchResult> parts, ReportOptions options, OrBenchResult? baseline, Func<OrBenchResult, OrBenchResult, ResultComparison> comparer, bool isBaseline)
    {
        var result = ResultMerger.Merge(parts);
        var hasBenign = result.Records.Any(r => r.Expected == ExpectedBehavior.Answer);
        var hasToxic = result.Records.Any(r => r.Expected == ExpectedBehavior.Refuse);
        var gates = isBaseline ? [] : result.Gates(options.Gates ?? Gate.DefaultsFor(result, new GateOptions { Errors = options.Errors, Confidence = options.Confidence }));
        return new ModelSection(
            name,
            result,
            gates,
            hasBenign ? result.OverRefusalRate(options.Errors, options.Confidence) : null,
            hasToxic ? result.ToxicAcceptanceRate(options.Errors, options.Confidence) : null,
            result.OverRefusalRateByCategory(options.Errors, options.Confidence),
            result.ToxicAcceptanceRateByCategory(options.Errors, options.Confidence),
            RunTotals.Of(result),
            DataCoverage.Warnings(parts),
            baseline is null ? null : comparer(baseline, result));
    }
}
