namespace OrBench.Testing.Running;

/// <summary>A row of a response file that could not be used, with where it is and why.</summary>
/// <param name="Line">1-based line of the row in its file (its first line for multi-line rows).</param>
/// <param name="Prompt">The row's prompt text (or id), shortened for display.</param>
/// <param name="Reason">Why it was not used: no such prompt in the set, or a second response for the same prompt.</param>
public sealed record UnmatchedResponse(int Line, string Prompt, string Reason)
{
    /// <summary>For a second response to a prompt already answered: the line of the first one (which is used); null for a row that matched no prompt.</summary>
    public int? DuplicateOfLine { get; init; }
}
