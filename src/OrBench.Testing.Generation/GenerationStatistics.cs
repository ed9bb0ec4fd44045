namespace OrBench.Testing.Generation;

/// <summary>What stage 1 produced and dropped.</summary>
public sealed record SeedStatistics
{
    /// <summary>Generator requests made (or replayed).</summary>
    public int Batches { get; init; }

    /// <summary>Answers from which no list could be parsed by any fallback.</summary>
    public int MalformedBatches { get; init; }

    /// <summary>
    /// Batch requests that failed (the client threw after its own retries, say a content filter): they yield nothing and
    /// are not counted as malformed. Not journaled, so resuming before the stage finished asks again.
    /// </summary>
    public int FailedBatches { get; init; }

    /// <summary>Items parsed from all answers.</summary>
    public int Parsed { get; init; }

    /// <summary>Items with no letters or digits at all, dropped.</summary>
    public int NoText { get; init; }

    /// <summary>Items dropped as exact duplicates within their category.</summary>
    public int ExactDuplicates { get; init; }

    /// <summary>Items dropped as near-duplicates within their category.</summary>
    public int NearDuplicates { get; init; }

    /// <summary>Items beyond the number wanted, dropped so every category has at most <see cref="GenerationOptions.SeedsPerCategory"/>.</summary>
    public int Surplus { get; init; }

    /// <summary>Seeds kept per category (ordinal order). Fewer than asked means the batch limit was reached.</summary>
    public IReadOnlyDictionary<string, int> KeptPerCategory { get; init; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

    /// <summary>All seeds kept.</summary>
    public int Kept => KeptPerCategory.Values.Sum();
}

/// <summary>What stage 2 produced and dropped.</summary>
public sealed record RewriteStatistics
{
    /// <summary>Rewriter requests made (or replayed), one per seed.</summary>
    public int Requests { get; init; }

    /// <summary>Answers from which no list could be parsed.</summary>
    public int MalformedAnswers { get; init; }

    /// <summary>
    /// Rewrite requests that failed (the client threw after its own retries, say a content filter on the seed): that seed
    /// yields no rewrite and is not counted as malformed. Not journaled, so resuming before the stage finished asks again.
    /// </summary>
    public int FailedRequests { get; init; }

    /// <summary>Readable answers with fewer rewrites than asked for.</summary>
    public int ShortAnswers { get; init; }

    /// <summary>Rewrites parsed (at most <see cref="GenerationOptions.RewritesPerSeed"/> per seed).</summary>
    public int Parsed { get; init; }

    /// <summary>Rewrites dropped by the lexical post-filter, per rule (<c>safety_word</c>, <c>harm_word</c>, <c>reversal</c>, <c>framing</c>, <c>same_as_seed</c>).</summary>
    public IReadOnlyDictionary<string, int> DroppedByRule { get; init; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Rewrites with no letters or digits at all, dropped.</summary>
    public int NoText { get; init; }

    /// <summary>Rewrites dropped as exact duplicates of an earlier rewrite (any category).</summary>
    public int ExactDuplicates { get; init; }

    /// <summary>Rewrites dropped as near-duplicates of an earlier rewrite (any category).</summary>
    public int NearDuplicates { get; init; }

    /// <summary>Rewrites passed on to moderation.</summary>
    public int Kept { get; init; }
}

/// <summary>What stage 3 decided.</summary>
public sealed record ModerationStatistics
{
    /// <summary>Rewrites moderated.</summary>
    public int Moderated { get; init; }

    /// <summary>Voted benign: the over-refusal set.</summary>
    public int Benign { get; init; }

    /// <summary>Voted toxic: the toxic set.</summary>
    public int Toxic { get; init; }

    /// <summary>Neither side reached the required votes although every moderator answered, or both did: left out of both sets.</summary>
    public int Ties { get; init; }

    /// <summary>Neither side reached the required votes because some answers were unparseable or calls failed: left out of both sets.</summary>
    public int Unresolved { get; init; }

    /// <summary>Rewrites on which the moderators did not all give the same side.</summary>
    public int Disagreements { get; init; }

    /// <summary>Moderator answers that named no category and not "none of the above", per moderator (ordinal order).</summary>
    public IReadOnlyDictionary<string, int> UnparseableVotes { get; init; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

    /// <summary>
    /// Moderator calls that failed (threw after the client's own retries), per moderator (ordinal order). A failed vote
    /// abstains like an unparseable one; it is not journaled, so resuming before the stage finished asks again.
    /// </summary>
    public IReadOnlyDictionary<string, int> FailedVotes { get; init; } = new SortedDictionary<string, int>(StringComparer.Ordinal);
}
