namespace OrBench.Testing.Running;

/// <summary>
/// What happened when one prompt was sent once. Plain data, so it can be cached, serialised and
/// handed to the Verdict stage without any reference back to the runner.
/// </summary>
public sealed record PromptOutcome
{
    /// <summary>The <see cref="Data.OrBenchPrompt.Id"/> of the prompt that was sent.</summary>
    public required string PromptId { get; init; }

    /// <summary>0-based repeat index when <see cref="RunOptions.Repeats"/> is above 1; 0 otherwise.</summary>
    public int Repeat { get; init; }

    /// <summary>How the request ended.</summary>
    public required OutcomeKind Kind { get; init; }

    /// <summary>The response text (null for errors and blocks without text). Untrusted: encode before display.</summary>
    public string? Text { get; init; }

    /// <summary>For <see cref="OutcomeKind.Error"/> and <see cref="OutcomeKind.Blocked"/>: the provider's message, with credentials removed.</summary>
    public string? Error { get; init; }

    /// <summary>The provider's finish reason, e.g. <c>stop</c>, <c>length</c>, <c>content_filter</c>.</summary>
    public string? FinishReason { get; init; }

    /// <summary>The model id the provider reported, when it did.</summary>
    public string? ModelId { get; init; }

    /// <summary>Wall time of the request including retries.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Prompt tokens reported by the provider (<c>ChatResponse.Usage</c>).</summary>
    public long? InputTokens { get; init; }

    /// <summary>Completion tokens reported by the provider.</summary>
    public long? OutputTokens { get; init; }
}
