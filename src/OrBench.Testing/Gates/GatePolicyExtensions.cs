using System.Globalization;
using OrBench.Testing.Statistics;

namespace OrBench.Testing.Gates;

/// <summary>The decision rule of each <see cref="GatePolicy"/>, shared by gates, reports and the threshold tuner so all agree.</summary>
internal static class GatePolicyExtensions
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
        policy.DecisiveValue(estimate) > threshold;

    /// <summary>The short name used in reports and JSON: <c>interval</c>, <c>strict</c>, <c>point</c>.</summary>
    public static string ToDisplayName(this GatePolicy policy) => policy switch
    {
        GatePolicy.IntervalAboveThreshold => "interval",
        GatePolicy.Strict => "strict",
        GatePolicy.PointEstimate => "point",
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown gate policy."),
    };

    /// <summary>The policy in words, as failure messages print it, e.g. <c>policy Strict: fails when the upper bound …</c>.</summary>
    public static string Describe(this GatePolicy policy, double confidence)
    {
        // "P0" printed a 97.5 % interval as "98 %" and a 99.9 % one as "100 %".
        var level = string.Create(CultureInfo.InvariantCulture, $"{confidence * 100:0.###} %");
        return policy switch
        {
            GatePolicy.Strict => $"policy Strict: fails when the upper bound of the {level} Wilson interval exceeds the threshold",
            GatePolicy.PointEstimate => "policy PointEstimate: fails when the observed rate exceeds the threshold",
            _ => $"policy IntervalAboveThreshold: fails only when the whole {level} Wilson interval lies above the threshold",
        };
    }
}
