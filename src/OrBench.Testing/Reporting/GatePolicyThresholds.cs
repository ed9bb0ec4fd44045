using OrBench.Testing.Assertions;
using OrBench.Testing.Statistics;

namespace OrBench.Testing.Reporting;

/// <summary>What each <see cref="GatePolicy"/> compares with a threshold, for report gates and the threshold tuner.</summary>
public static class GatePolicyThresholds
{
    /// <summary>
    /// The number the policy compares with the threshold: the lower bound, the upper bound or the rate. A gate fails
    /// exactly when its threshold is below this value, so it is also the threshold at which the gate starts failing.
    /// </summary>
    public static double DecisiveValue(this GatePolicy policy, RateEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return policy switch
        {
            GatePolicy.IntervalAboveThreshold => estimate.Lower,
            GatePolicy.Strict => estimate.Upper,
            GatePolicy.PointEstimate => estimate.Rate,
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown threshold policy."),
        };
    }

    /// <summary>True when <paramref name="estimate"/> breaches <paramref name="threshold"/> under the policy (the assertions' rule).</summary>
    public static bool Fails(this GatePolicy policy, RateEstimate estimate, double threshold) =>
        GateEvaluation.Breaches(policy, estimate, threshold);

    /// <summary>The short name used in reports and JSON: <c>interval</c>, <c>strict</c>, <c>point</c>.</summary>
    public static string ToDisplayName(this GatePolicy policy) => policy switch
    {
        GatePolicy.IntervalAboveThreshold => "interval",
        GatePolicy.Strict => "strict",
        GatePolicy.PointEstimate => "point",
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown threshold policy."),
    };
}
