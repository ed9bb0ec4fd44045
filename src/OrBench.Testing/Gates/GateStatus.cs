namespace OrBench.Testing.Gates;

/// <summary>
/// How a gate ended. The status says what the data show; <see cref="GateResult.Passed"/> says whether the gate's policy
/// lets it pass (they differ only for <see cref="Inconclusive"/>).
/// </summary>
public enum GateStatus
{
    /// <summary>The whole interval lies at or below the threshold: passes under every policy.</summary>
    Passed,

    /// <summary>
    /// The whole interval lies above the threshold, or the gate had nothing in scope (no prompt of its kind or category):
    /// fails under every policy.
    /// </summary>
    Failed,

    /// <summary>
    /// The interval straddles the threshold: the data cannot tell. Passes or fails by policy
    /// (<see cref="GatePolicy.IntervalAboveThreshold"/> passes, <see cref="GatePolicy.Strict"/> fails,
    /// <see cref="GatePolicy.PointEstimate"/> compares the rate), and is shown as inconclusive either way.
    /// </summary>
    Inconclusive,

    /// <summary>
    /// Request and classification errors in scope exceed the error budget (<see cref="GateOptions.ErrorBudget"/>): the rate
    /// would measure the failures, not the model. Never passes.
    /// </summary>
    Undecided,
}
