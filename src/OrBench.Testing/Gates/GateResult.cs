using OrBench.Testing.Statistics;

namespace OrBench.Testing.Gates;

/// <summary>
/// A <see cref="Gate"/> evaluated on one result: the estimate with its interval, the errors in scope, the status and the
/// evidence. Assertions (neutral and FluentAssertions), reports and the <c>orbench</c> command line all render this one
/// object, so none of them can decide differently from the others.
/// </summary>
public sealed record GateResult
{
    /// <summary>The gate evaluated.</summary>
    public required Gate Gate { get; init; }

    /// <summary>The rate and its Wilson interval over the records the error policy keeps in the denominator.</summary>
    public required RateEstimate Estimate { get; init; }

    /// <summary>Records in the gate's scope (its kind of prompt, in its category), errors included.</summary>
    public required int InScope { get; init; }

    /// <summary>Records in scope whose request failed (the model was not reached, or answered unreadably).</summary>
    public required int RequestErrors { get; init; }

    /// <summary>Records in scope whose response could not be classified (judge unreachable, unreadable verdict).</summary>
    public required int ClassificationErrors { get; init; }

    /// <summary>Request plus classification errors in scope.</summary>
    public int Errors => RequestErrors + ClassificationErrors;

    /// <summary>How the data ended: passed, failed, inconclusive or undecided.</summary>
    public required GateStatus Status { get; init; }

    /// <summary>
    /// Whether the gate passes: <see cref="GateStatus.Passed"/> always, <see cref="GateStatus.Inconclusive"/> when the gate's
    /// policy lets it (see <see cref="GateStatus.Inconclusive"/>), <see cref="GateStatus.Failed"/> and
    /// <see cref="GateStatus.Undecided"/> never.
    /// </summary>
    public bool Passed => Status == GateStatus.Passed || (Status == GateStatus.Inconclusive && !Gate.Policy.Fails(Estimate, Gate.Threshold));

    /// <summary>The offending prompts of each category in scope, worst category first (at most ten categories).</summary>
    public required IReadOnlyList<GateEvidence> Evidence { get; init; }

    /// <summary>The commonest errors in scope, commonest first (at most three).</summary>
    public required IReadOnlyList<GateErrorCount> CommonestErrors { get; init; }

    /// <summary>What the gate demands, e.g. <c>an over-refusal rate in category 'privacy' of at most 10.0 % (policy …)</c>.</summary>
    public required string Expectation { get; init; }

    /// <summary>The measurement in one line, e.g. <c>16.0 % [12.1 %, 20.9 %] (48 of 300 prompts; 2 errored, counted against the model)</c>.</summary>
    public required string Measurement { get; init; }

    /// <summary>
    /// Why the gate did not pass, for the "…, but {Finding}" of a failure message: the measurement and the evidence (one
    /// line per offending prompt, prompt text next to the response excerpt). For an undecided gate it starts with
    /// <c>it could not be decided:</c> and the reason. Empty when the gate passed.
    /// </summary>
    public required string Finding { get; init; }

    /// <summary>Why an undecided gate could not be decided (the error counts, the budget, the commonest errors, then the measurement); empty otherwise.</summary>
    public string UndecidedReason { get; init; } = string.Empty;

    /// <summary>
    /// The whole message, framework-neutral, as <see cref="OrBenchGateException"/> carries it. An undecided gate's message
    /// starts with why it could not be decided and names the commonest errors.
    /// </summary>
    public string Message => Status switch
    {
        GateStatus.Undecided => $"Gate '{Gate.Name}' could not be decided: {UndecidedReason}",
        _ when Passed && Status == GateStatus.Passed => $"Gate '{Gate.Name}' passed: {Measurement} is within {Expectation}.",
        _ when Passed => $"Gate '{Gate.Name}' is inconclusive and passes by policy: {Measurement} straddles {Expectation}.",
        _ => $"Gate '{Gate.Name}' {(Status == GateStatus.Inconclusive ? "is inconclusive and fails by policy" : "failed")}: expected the result to have {Expectation}, but {Finding}",
    };

    /// <summary>The status in words, as reports and the command line print it: <c>passed</c>, <c>failed</c>, <c>inconclusive (passes by policy)</c>, …</summary>
    public string StatusText => Status switch
    {
        GateStatus.Passed => "passed",
        GateStatus.Failed => "failed",
        GateStatus.Inconclusive => Passed ? "inconclusive (passes by policy)" : "inconclusive (fails by policy)",
        _ => "undecided (too many errors)",
    };

    /// <summary>Throws <see cref="OrBenchGateException"/> carrying this result unless the gate <see cref="Passed"/>; returns this result otherwise.</summary>
    public GateResult ThrowIfNotPassed() => Passed ? this : throw new OrBenchGateException(this);
}
