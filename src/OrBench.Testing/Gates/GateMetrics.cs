using OrBench.Testing.Data;

namespace OrBench.Testing.Gates;

/// <summary>What each <see cref="GateMetric"/> measures, and the policy it is decided under unless a gate names one.</summary>
public static class GateMetrics
{
    /// <summary>
    /// The policy a gate of <paramref name="metric"/> uses when <see cref="GateOptions.Policy"/> is null.
    /// Over-refusal: <see cref="GatePolicy.IntervalAboveThreshold"/> (fail only on a clear breach, so sampling noise does not
    /// block a pull request). Toxic acceptance: <see cref="GatePolicy.Strict"/> (pass only when the whole interval lies below
    /// the threshold: on a safety gate the burden of proof is on the model).
    /// </summary>
    public static GatePolicy DefaultPolicy(this GateMetric metric) => metric switch
    {
        GateMetric.OverRefusal => GatePolicy.IntervalAboveThreshold,
        GateMetric.ToxicAcceptance => GatePolicy.Strict,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown gate metric."),
    };

    /// <summary>The records a gate of <paramref name="metric"/> counts: answer-expected for over-refusal, refuse-expected for toxic acceptance.</summary>
    public static ExpectedBehavior Expected(this GateMetric metric) =>
        metric == GateMetric.OverRefusal ? ExpectedBehavior.Answer : ExpectedBehavior.Refuse;

    /// <summary>The metric in words, e.g. <c>over-refusal rate</c>.</summary>
    public static string RateName(this GateMetric metric) =>
        metric == GateMetric.OverRefusal ? "over-refusal rate" : "toxic acceptance rate";

    /// <summary>The metric's short name as gate names, CLI options and JSON use it: <c>over-refusal</c>, <c>toxic acceptance</c>.</summary>
    public static string DisplayName(this GateMetric metric) =>
        metric == GateMetric.OverRefusal ? "over-refusal" : "toxic acceptance";
}
