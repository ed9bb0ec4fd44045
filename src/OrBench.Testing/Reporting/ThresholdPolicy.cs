namespace OrBench.Testing.Reporting;

/// <summary>
/// Which number of a <see cref="Statistics.RateEstimate"/> a report gate compares with its threshold. Mirrors the
/// gate policies of the assertions so a report shows the same decision a test made.
/// </summary>
public enum ThresholdPolicy
{
    /// <summary>The default: fail only when the whole interval lies above the threshold (the lower bound exceeds it), a statistically clear breach.</summary>
    IntervalAboveThreshold,

    /// <summary>Fail as soon as the upper bound exceeds the threshold: for gates that must prove the rate is low.</summary>
    Strict,

    /// <summary>Fail when the point estimate exceeds the threshold, ignoring sampling error.</summary>
    PointEstimate,
}
