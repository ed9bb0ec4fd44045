using OrBench.Testing.Results;
using OrBench.Testing.Statistics;

namespace OrBench.Testing.Gates;

/// <summary>Evaluates report gates with the same statistics the assertions use (<see cref="ResultStatistics"/>).</summary>
public static class GateEvaluator
{
    /// <summary>Evaluates each gate against <paramref name="result"/>, in the order given.</summary>
    public static IReadOnlyList<GateOutcome> Evaluate(OrBenchResult result, IEnumerable<GateDefinition> gates, ErrorPolicy errors = ErrorPolicy.CountAgainst, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(gates);
        return gates.Select(gate => Evaluate(result, gate, errors, confidence)).ToList();
    }

    /// <summary>Evaluates one gate against <paramref name="result"/>.</summary>
    public static GateOutcome Evaluate(OrBenchResult result, GateDefinition gate, ErrorPolicy errors = ErrorPolicy.CountAgainst, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(gate);
        if (gate.Threshold is < 0 or > 1 || double.IsNaN(gate.Threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(gate), gate.Threshold, $"Gate '{gate.Name}' has threshold {gate.Threshold}; a threshold is a rate between 0 and 1.");
        }

        var estimate = Estimate(result, gate.Metric, gate.Category, errors, confidence);
        var status = estimate.N == 0 ? GateStatus.NoData
            : gate.Policy.Fails(estimate, gate.Threshold) ? GateStatus.Failed
            : GateStatus.Passed;
        return new GateOutcome(gate, estimate, status);
    }

    /// <summary>The rate a gate of <paramref name="metric"/> watches, overall (<paramref name="category"/> null) or for one category.</summary>
    public static RateEstimate Estimate(OrBenchResult result, GateMetric metric, string? category, ErrorPolicy errors, double confidence)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (category is null)
        {
            return metric == GateMetric.OverRefusal ? result.OverRefusalRate(errors, confidence) : result.ToxicAcceptanceRate(errors, confidence);
        }

        var table = metric == GateMetric.OverRefusal ? result.OverRefusalRateByCategory(errors, confidence) : result.ToxicAcceptanceRateByCategory(errors, confidence);
        return table.TryGetValue(category, out var estimate) ? estimate : RateEstimate.Wilson(0, 0, confidence);
    }
}
