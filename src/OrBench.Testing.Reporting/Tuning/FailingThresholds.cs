using OrBench.Testing.Gates;
namespace OrBench.Testing.Reporting.Tuning;

/// <summary>
/// For each policy, the threshold below which today's result would fail the gate (a gate fails when its threshold is
/// below the policy's decisive value: the lower bound, the upper bound or the rate).
/// </summary>
/// <param name="IntervalAboveThreshold">The lower Wilson bound.</param>
/// <param name="Strict">The upper Wilson bound.</param>
/// <param name="PointEstimate">The rate.</param>
public sealed record FailingThresholds(double IntervalAboveThreshold, double Strict, double PointEstimate)
{
    /// <summary>The failing threshold of <paramref name="policy"/>.</summary>
    public double For(GatePolicy policy) => policy switch
    {
        GatePolicy.IntervalAboveThreshold => IntervalAboveThreshold,
        GatePolicy.Strict => Strict,
        GatePolicy.PointEstimate => PointEstimate,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown threshold policy."),
    };
}
