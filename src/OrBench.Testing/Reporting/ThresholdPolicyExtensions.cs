using OrBench.Testing.Statistics;

namespace OrBench.Testing.Reporting;

/// <summary>The decision rule of each <see cref="ThresholdPolicy"/>, shared by report gates and the threshold tuner so both agree.</summary>
public static class ThresholdPolicyExtensions
{
    /// <summary>
    /// The number the policy compares with the threshold: the lower bound, the upper bound or the rate. A gate fails
    /// exactly when its threshold is below this value, so it is also the threshold at which the gate starts failing.
    /// </summary>
    public static double DecisiveValue(this ThresholdPolicy policy, RateEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return policy switch
        {
            ThresholdPolicy.IntervalAboveThreshold => estimate.Lower,
            ThresholdPolicy.Strict => estimate.Upper,
            ThresholdPolicy.PointEstimate => estimate.Rate,
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown threshold policy."),
        };
    }

    /// <summary>True when <paramref name="estimate"/> breaches <paramref name="threshold"/> under the policy.</summary>
    public static bool Fails(this ThresholdPolicy policy, RateEstimate estimate, double threshold) =>
        policy.DecisiveValue(estimate) > threshold;

    /// <summary>The short name used in reports and JSON: <c>interval</c>, <c>strict</c>, <c>point</c>.</summary>
    public static string ToDisplayName(this ThresholdPolicy policy) => policy switch
    {
        ThresholdPolicy.IntervalAboveThreshold => "interval",
        ThresholdPolicy.Strict => "strict",
        ThresholdPolicy.PointEstimate => "point",
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown threshold policy."),
    };
}
