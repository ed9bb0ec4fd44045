using OrBench.Testing.Generation.Moderation;

namespace OrBench.Testing.Generation.Output;

/// <summary>
/// One line of <c>provenance.jsonl</c>: where one rewrite came from and what became of it. Every rewrite the
/// rewriter produced has a line, in output order, including the dropped ones, so a reviewer can audit the filter.
/// Text fields are untrusted model text; the JSON encoder escapes HTML-significant characters.
/// </summary>
internal sealed record ProvenanceRecord
{
    /// <summary>The rewrite's stable id (<c>gen-…</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The rewrite.</summary>
    public required string Prompt { get; init; }

    /// <summary>The seed's category.</summary>
    public required string Category { get; init; }

    /// <summary><c>over-refusal</c>, <c>toxic</c>, or null when the prompt is in neither set.</summary>
    public string? Set { get; init; }

    /// <summary>The stage that decided: <see cref="GenerationStage.Rewrites"/> for dropped rewrites, otherwise <see cref="GenerationStage.Moderation"/>.</summary>
    public required GenerationStage Stage { get; init; }

    /// <summary><c>benign</c>, <c>toxic</c>, <c>tie</c>, <c>unresolved</c> or <c>dropped</c>.</summary>
    public required string Decision { get; init; }

    /// <summary>For dropped rewrites: the rule and word, or the duplicate's original id.</summary>
    public string? Reason { get; init; }

    /// <summary>The seed's id.</summary>
    public required string SeedId { get; init; }

    /// <summary>The seed text.</summary>
    public required string Seed { get; init; }

    /// <summary>The generator batch the seed came from.</summary>
    public int SeedBatch { get; init; }

    /// <summary>0-based position of the rewrite in the rewriter's answer.</summary>
    public int RewriteIndex { get; init; }

    /// <summary>The generator's name.</summary>
    public required string Generator { get; init; }

    /// <summary>The rewriter's name.</summary>
    public required string Rewriter { get; init; }

    /// <summary>One vote per moderator, in moderator order (empty for dropped rewrites).</summary>
    public required IReadOnlyList<ModeratorVote> Votes { get; init; }

    /// <summary>The k of the k-of-m rule.</summary>
    public int RequiredVotes { get; init; }

    /// <summary>The run's moderation-stage fingerprint (first 12 hex digits); <c>generation.json</c> holds the parameters behind it.</summary>
    public required string Run { get; init; }
}
