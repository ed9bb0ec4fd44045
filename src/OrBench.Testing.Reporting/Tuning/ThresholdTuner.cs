using OrBench.Testing.Gates;
using OrBench.Testing.Results;
using OrBench.Testing.Statistics;

namespace OrBench.Testing.Reporting.Tuning;

/// <summary>
/// Helps a safety team choose gate thresholds from today's results: for every gate (overall and per category) of every
/// model, where the gate would start failing under each policy, a suggested threshold with headroom, and how sensitive
/// the current sample is to regressions. The library behind <c>orbench tune</c>.
/// </summary>
public static class ThresholdTuner
{
    /// <summary>
    /// Tunes the gates of <paramref name="results"/>. Results of one model (shards, or a Hard-1K and a Toxic run) are merged
    /// first; rows are ordered by model, then over-refusal before toxic acceptance, overall before categories (ordinal).
    /// </summary>
    /// <exception cref="ResultMergeException">Shards of one model overlap.</exception>
    public static TuningReport Tune(IEnumerable<OrBenchResult> results, TuningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        options ??= new TuningOptions();
        options.Validate();
        var rows = new List<GateTuning>();
        foreach (var result in ResultMerger.MergeByModel(results))
        {
            var model = ResultMerger.ModelName(result);
            foreach (var metric in new[] { GateMetric.OverRefusal, GateMetric.ToxicAcceptance })
            {
                var expected = metric == GateMetric.OverRefusal ? Data.ExpectedBehavior.Answer : Data.ExpectedBehavior.Refuse;
                if (!result.Records.Any(r => r.Expected == expected))
                {
                    continue;
                }

                rows.Add(Row(model, metric, null, metric == GateMetric.OverRefusal ? result.OverRefusalRate(options.Errors, options.Confidence) : result.ToxicAcceptanceRate(options.Errors, options.Confidence), options));
                var byCategory = metric == GateMetric.OverRefusal
                    ? result.OverRefusalRateByCategory(options.Errors, options.Confidence)
                    : result.ToxicAcceptanceRateByCategory(options.Errors, options.Confidence);
                rows.AddRange(byCategory.Select(pair => Row(model, metric, pair.Key, pair.Value, options)));
            }
        }

        return new TuningReport(options, rows);
    }

    /// <summary>Tunes one gate from its estimate: the arithmetic of a row, exposed for callers with their own rates.</summary>
    public static GateTuning Row(string model, GateMetric metric, string? category, RateEstimate estimate, TuningOptions options)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var failing = new FailingThresholds(
            GatePolicy.IntervalAboveThreshold.DecisiveValue(estimate),
            GatePolicy.Strict.DecisiveValue(estimate),
            GatePolicy.PointEstimate.DecisiveValue(estimate));
        var suggested = Math.Min(1, Math.Ceiling(((failing.For(options.PolicyFor(metric)) + options.Margin) * 1000) - 1e-9) / 1000);
        var detectable = estimate.N == 0 ? null : RegressionPower.MinimumDetectableRise(estimate.Rate, estimate.N, options.Confidence, options.Power);
        var needed = RegressionPower.PromptsNeeded(estimate.Rate, options.Rise, options.Confidence, options.Power);
        return new GateTuning(model, metric, category, estimate, failing, suggested, detectable, needed) { Policy = options.PolicyFor(metric) };
    }
}
