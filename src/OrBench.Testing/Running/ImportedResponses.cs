namespace OrBench.Testing.Running;

/// <summary>
/// Responses that already existed (for example from the reference OR-Bench scripts), matched to a prompt set so they
/// can be scored without calling any model.
/// </summary>
public sealed record ImportedResponses
{
    /// <summary>
    /// One outcome per matched prompt, in set order. <see cref="RunResult.Prompts"/> holds only the matched prompts, so
    /// every later stage sees a complete run; the prompts without a response are listed in <see cref="MissingPromptIds"/>.
    /// </summary>
    public required RunResult Result { get; init; }

    /// <summary>Rows that matched no prompt of the set or repeated one already matched; never silently dropped.</summary>
    public required IReadOnlyList<UnmatchedResponse> Unmatched { get; init; }

    /// <summary>Ids of the set's prompts that no row answered, in set order.</summary>
    public required IReadOnlyList<string> MissingPromptIds { get; init; }
}
