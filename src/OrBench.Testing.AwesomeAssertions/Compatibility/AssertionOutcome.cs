namespace OrBench.Testing.Assertions;

/// <summary>Whether a step passed (inside an <c>AssertionScope</c> a failed step does not throw, so the caller must ask).</summary>
internal readonly record struct AssertionOutcome(bool Succeeded)
{
    public static implicit operator bool(AssertionOutcome outcome) => outcome.Succeeded;
}
