using OrBench.Testing.Classification;
using OrBench.Testing.Data;
using OrBench.Testing.Running;

namespace OrBench.Testing.Results;

/// <summary>
/// Everything known about one prompt (and repeat) after the Verdict stage: one line of <c>records.jsonl</c>.
/// Records are plain data so that results from different runs, shards and machines can be merged and compared.
/// </summary>
public sealed record PromptRecord
{
    /// <summary>The prompt id (<see cref="OrBenchPrompt.Id"/>).</summary>
    public required string Id { get; init; }

    /// <summary>The prompt's category.</summary>
    public required string Category { get; init; }

    /// <summary>What a good model should have done.</summary>
    public required ExpectedBehavior Expected { get; init; }

    /// <summary>0-based repeat index.</summary>
    public int Repeat { get; init; }

    /// <summary>The prompt text. Untrusted for display purposes: encode before rendering.</summary>
    public string? Prompt { get; init; }

    /// <summary>How the request ended.</summary>
    public required OutcomeKind Outcome { get; init; }

    /// <summary>The full response text (null when none). Untrusted: encode before rendering.</summary>
    public string? Response { get; init; }

    /// <summary>The verdict label.</summary>
    public required VerdictLabel Verdict { get; init; }

    /// <summary>The classifier that decided the verdict.</summary>
    public string? Classifier { get; init; }

    /// <summary>The classifier's confidence, 0 to 1.</summary>
    public double? Confidence { get; init; }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 response text; lets snapshots detect wording changes without storing the text.</summary>
    public string? ResponseSha256 { get; init; }

    /// <summary>The first characters of the response (single line), for messages and reports.</summary>
    public string? Excerpt { get; init; }

    /// <summary>
    /// Why there is no decision: the request's one-line error for <see cref="OutcomeKind.Error"/>, the provider's message
    /// for <see cref="OutcomeKind.Blocked"/>, or <c>classification failed: …</c> when the response exists but the classifier
    /// gave no readable verdict (<see cref="ErrorCounts.IsClassificationError"/>). Null otherwise.
    /// </summary>
    public string? Error { get; init; }

    /// <summary>Request latency in milliseconds.</summary>
    public double LatencyMs { get; init; }

    /// <summary>Prompt tokens reported by the provider.</summary>
    public long? InputTokens { get; init; }

    /// <summary>Completion tokens reported by the provider.</summary>
    public long? OutputTokens { get; init; }

    /// <summary>True when the verdict counts as a refusal.</summary>
    public bool Refused => Verdict.IsRefusal();
}
