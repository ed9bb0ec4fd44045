using OrBench.Testing.Statistics;

namespace OrBench.Testing.Gates;

/// <summary>The decision rule of each <see cref="GatePolicy"/>, shared by report gates and the threshold tuner so both agree.</summary>
public static class GatePolicyExtensions
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
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown gate policy."),
        };
    }

    /// <summary>True when <paramref name="estimate"/> breaches <paramref name="threshold"/> under the policy.</summary>
    public static bool Fails(this GatePolicy policy, RateEstimate estimate, double threshold) =>
        GateEvaluation.Breaches(policy, estimate, threshold);

    /// <summary>The short name used in reports and JSON: <c>interval</c>, <c>strict</c>, <c>point</c>.</summary>
    public static string ToDisplayName(this GatePolicy policy) => policy switch
    {
        GatePolicy.IntervalAboveThreshold => "interval",
        GatePolicy.Strict => "strict",
        GatePolicy.PointEstimate => "point",
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown gate policy."),
    };
}
