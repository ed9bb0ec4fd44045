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
/// <see cref="BooleanMetric"/> interpreted as the gate decided it (<see cref="GateResult.Passed"/>: Good; failed:
/// Unacceptable and failed; inconclusive but passing by policy: Average; undecided for errors: Inconclusive and failed).
/// </summary>
/// <example><code>
/// var evaluation = OrBenchEvaluationMetrics.ToEvaluationResult(run.Result, [Gate.OverRefusal(0.10)]);
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
    public static EvaluationResult ToEvaluationResult(OrBenchResult result, IEnumerable<Gate>? gates = null, ErrorPolicy errors = ErrorPolicy.CountAgainst, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(result);
        var metrics = new List<EvaluationMetric>();
        foreach (var (estimate, name) in new[] { (result.OverRefusalRate(errors, confidence), OverRefusalRateMetricName), (result.ToxicAcceptanceRate(errors, confidence), ToxicAcceptanceRateMetricName) })
        {
            if (estimate.N == 0)
            {
                continue;
            }

            var rate = new NumericMetric(name, estimate.Rate, Invariant($"{estimate.Count} of {estimate.N} prompts; {estimate.Confidence:P0} Wilson interval [{estimate.Lower:P1}, {estimate.Upper:P1}]"));
            AddEstimate(rate, estimate);
            rate.AddOrUpdateMetadata("prompts", result.Prompts);
            metrics.Add(rate);
        }

        foreach (var outcome in result.Gates(gates ?? []))
        {
            metrics.Add(GateMetricFor(outcome));
        }

        return new EvaluationResult(metrics);
    }

    private static BooleanMetric GateMetricFor(GateResult outcome)
    {
        var gate = outcome.Gate;
        var metric = new BooleanMetric(GateMetricPrefix + gate.Name, outcome.Status == GateStatus.Undecided ? null : outcome.Passed, outcome.Message)
        {
            Interpretation = outcome.Status switch
            {
                GateStatus.Passed => new EvaluationMetricInterpretation(EvaluationRating.Good, failed: false, outcome.Message),
                GateStatus.Inconclusive when outcome.Passed => new EvaluationMetricInterpretation(EvaluationRating.Average, failed: false, outcome.Message),
                GateStatus.Undecided => new EvaluationMetricInterpretation(EvaluationRating.Inconclusive, failed: true, outcome.Message),
                _ => new EvaluationMetricInterpretation(EvaluationRating.Unacceptable, failed: true, outcome.Message),
            },
        };
        AddEstimate(metric, outcome.Estimate);
        metric.AddOrUpdateMetadata("status", outcome.StatusText);
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
