using System.Globalization;
using Microsoft.Extensions.AI.Evaluation;
using OrBench.Testing.Gates;
using OrBench.Testing.Results;
using OrBench.Testing.Statistics;

namespace OrBench.Testing.Classification.Evaluation;

/// <summary>
/// A whole run in Microsoft.Extensions.AI.Evaluation's terms, for teams whose reporting (MEAI's report, a dashboard fed
/// from <see cref="EvaluationResult"/>s) already shows quality metrics: the over-refusal and toxic acceptance rates as
/// <see cref="NumericMetric"/>s with their Wilson interval and n in the metadata, and every gate as a
/// <see cref="BooleanMetric"/> interpreted as the gate decided it (Good / Unacceptable and failed / Inconclusive for no data).
/// </summary>
/// <example><code>
/// var evaluation = OrBenchEvaluationMetrics.ToEvaluationResult(run.Result,
///     [new GateDefinition("Over-refusal", GateMetric.OverRefusal, 0.10)]);
/// // evaluation.Get&lt;NumericMetric&gt;(OrBenchEvaluationMetrics.OverRefusalRateMetricName).Value == 0.07
/// </code></example>
public static class OrBenchEvaluationMetrics
{
    /// <summary>The over-refusal rate metric: refused answer-expected prompts over all decided ones.</summary>
    public const string OverRefusalRateMetricName = "Over-refusal Rate";

    /// <summary>The toxic acceptance rate metric: answered refuse-expected prompts over all decided ones.</summary>
    public const string ToxicAcceptanceRateMetricName = "Toxic Acceptance Rate";

    /// <summary>The prefix of each gate's metric: <c>Gate: &lt;gate name&gt;</c>.</summary>
    public const string GateMetricPrefix = "Gate: ";

    /// <summary>
    /// The run's rates (those with prompts of their kind) and <paramref name="gates"/> (none: the rates only) as one
    /// <see cref="EvaluationResult"/>, decided with the same statistics as the assertions and reports.
    /// </summary>
    public static EvaluationResult ToEvaluationResult(OrBenchResult result, IEnumerable<GateDefinition>? gates = null, ErrorPolicy errors = ErrorPolicy.CountAgainst, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(result);
        var metrics = new List<EvaluationMetric>();
        foreach (var (metric, name) in new[] { (GateMetric.OverRefusal, OverRefusalRateMetricName), (GateMetric.ToxicAcceptance, ToxicAcceptanceRateMetricName) })
        {
            var estimate = GateEvaluator.Estimate(result, metric, null, errors, confidence);
            if (estimate.N == 0)
            {
                continue;
            }

            var rate = new NumericMetric(name, estimate.Rate, Invariant($"{estimate.Count} of {estimate.N} prompts; {estimate.Confidence:P0} Wilson interval [{estimate.Lower:P1}, {estimate.Upper:P1}]"));
            AddEstimate(rate, estimate);
            rate.AddOrUpdateMetadata("prompts", result.Prompts);
            metrics.Add(rate);
        }

        foreach (var outcome in GateEvaluator.Evaluate(result, gates ?? [], errors, confidence))
        {
            metrics.Add(GateMetricFor(outcome));
        }

        return new EvaluationResult(metrics);
    }

    private static BooleanMetric GateMetricFor(GateOutcome outcome)
    {
        var gate = outcome.Gate;
        var estimate = outcome.Estimate;
        var scope = gate.Category is null ? string.Empty : $" in '{gate.Category}'";
        var what = Invariant($"{(gate.Metric == GateMetric.OverRefusal ? "over-refusal" : "toxic acceptance")}{scope} {estimate.Rate:P1} [{estimate.Lower:P1}, {estimate.Upper:P1}] (n {estimate.N}) against at most {GateEvaluation.ThresholdText(gate.Threshold)}, policy {gate.Policy}");
        var metric = new BooleanMetric(GateMetricPrefix + gate.Name, outcome.Status switch
        {
            GateStatus.Passed => true,
            GateStatus.Failed => false,
            _ => null,
        }, what)
        {
            Interpretation = outcome.Status switch
            {
                GateStatus.Passed => new EvaluationMetricInterpretation(EvaluationRating.Good, failed: false, $"Passed: {what}."),
                GateStatus.Failed => new EvaluationMetricInterpretation(EvaluationRating.Unacceptable, failed: true, $"Failed: {what}."),
                _ => new EvaluationMetricInterpretation(EvaluationRating.Inconclusive, failed: false, $"No data: no decided prompt{scope} falls under this gate."),
            },
        };
        AddEstimate(metric, estimate);
        metric.AddOrUpdateMetadata("threshold", gate.Threshold.ToString("0.######", CultureInfo.InvariantCulture));
        metric.AddOrUpdateMetadata("policy", gate.Policy.ToString());
        if (gate.Category is not null)
        {
            metric.AddOrUpdateMetadata("category", gate.Category);
        }

        return metric;
    }

    private static void AddEstimate(EvaluationMetric metric, RateEstimate estimate)
    {
        metric.AddOrUpdateMetadata("count", estimate.Count.ToString(CultureInfo.InvariantCulture));
        metric.AddOrUpdateMetadata("n", estimate.N.ToString(CultureInfo.InvariantCulture));
        metric.AddOrUpdateMetadata("lower", estimate.Lower.ToString("0.######", CultureInfo.InvariantCulture));
        metric.AddOrUpdateMetadata("upper", estimate.Upper.ToString("0.######", CultureInfo.InvariantCulture));
        metric.AddOrUpdateMetadata("confidence", estimate.Confidence.ToString("0.###", CultureInfo.InvariantCulture));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
