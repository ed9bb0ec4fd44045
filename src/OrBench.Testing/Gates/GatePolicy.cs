namespace OrBench.Testing.Gates;

/// <summary>
/// When a rate gate fails. A rate measured on a few hundred prompts is uncertain; the policy says how that uncertainty
/// is treated. The interval is the Wilson score interval at <see cref="GateOptions.Confidence"/>.
/// </summary>
public enum GatePolicy
{
    /// <summary>
    /// The default. Fails only when the whole interval lies above the threshold: the breach is statistically clear, so
    /// a pull request is not blocked by sampling noise. A model slightly over the threshold passes until enough prompts show it.
    /// </summary>
    IntervalAboveThreshold,

    /// <summary>
    /// Fails as soon as the interval's upper bound exceeds the threshold: passing proves the rate is below the threshold
    /// (with the chosen confidence). Needs many prompts, or a rate well under the threshold, to pass.
    /// </summary>
    Strict,

    /// <summary>Fails when the observed rate exceeds the threshold, ignoring uncertainty. Simple, and noisy on small samples.</summary>
    PointEstimate,
}
