namespace OrBench.Testing.Middleware;

/// <summary>
/// A replay-only run found no recorded response. Thrown per request by the replay client (with the prompt text),
/// and by the runner for the whole run, naming the ids of every prompt that was missing, so the fix — record
/// once with a model — is obvious.
/// </summary>
public sealed class ReplayMissException : Exception
{
    /// <summary>Creates the exception with a plain message.</summary>
    public ReplayMissException()
        : this("No recorded response for the request (replay-only cache).")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ReplayMissException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ReplayMissException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The text of the prompt that missed, when a single request missed.</summary>
    public string? PromptText { get; init; }

    /// <summary>The ids of the prompts that missed, in prompt-set order, when a whole run reports its misses.</summary>
    public IReadOnlyList<string> PromptIds { get; init; } = [];
}
