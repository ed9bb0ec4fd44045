using Microsoft.Extensions.AI;

namespace OrBench.Testing.Running;

/// <summary>
/// How prompts are sent. Defaults are the paper's protocol: one user message holding the raw prompt,
/// no system prompt, temperature 0, at most 1000 output tokens. Change them only to test a deployment
/// as it really runs (for example with its production system prompt), and say so in the report.
/// </summary>
public sealed record RunOptions
{
    /// <summary>An optional system message sent before the prompt. The paper uses none.</summary>
    public string? SystemPrompt { get; init; }

    /// <summary>Sampling temperature; the paper uses 0.</summary>
    public float Temperature { get; init; }

    /// <summary>Upper bound on output tokens; the paper uses 1000.</summary>
    public int MaxOutputTokens { get; init; } = 1000;

    /// <summary>Extra options (model id, stop sequences, provider settings) merged over the protocol defaults.</summary>
    public ChatOptions? ChatOptions { get; init; }

    /// <summary>How many times each prompt is sent; above 1 only for sampling-based models.</summary>
    public int Repeats { get; init; } = 1;

    /// <summary>Maximum requests in flight at once. Never exceeded.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>
    /// Time allowed to one prompt's request, the client's retries included; when it passes, the prompt is an
    /// <see cref="OutcomeKind.Error"/>. Null leaves it to the client. To time out single attempts (and retry them), use
    /// <c>RetryOptions.AttemptTimeout</c> of the retry middleware.
    /// </summary>
    public TimeSpan? RequestTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Optional client-side limit on requests per minute.</summary>
    public int? RequestsPerMinute { get; init; }

    /// <summary>Optional client-side limit on tokens (prompt + completion) per minute.</summary>
    public int? TokensPerMinute { get; init; }
}
