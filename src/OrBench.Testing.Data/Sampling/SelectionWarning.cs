namespace OrBench.Testing.Data;

/// <summary>
/// Something a selection did that the caller did not literally ask for, such as running 200 prompts for
/// <c>--sample 5000</c>. The selection still succeeds; the warning exists so tools print it and reports can say
/// it, instead of a silent clamp that leaves a user believing 5,000 prompts were scored.
/// </summary>
/// <param name="Kind">What the warning is about.</param>
/// <param name="Message">One sentence for a person, naming the set and the numbers.</param>
public sealed record SelectionWarning(SelectionWarningKind Kind, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}
