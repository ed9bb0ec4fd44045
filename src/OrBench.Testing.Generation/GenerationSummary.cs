namespace OrBench.Testing.Generation;

/// <summary>The cost/token summary and the counts of every stage; written as <c>summary.json</c> and shown by the tool.</summary>
public sealed record GenerationSummary
{
    /// <summary>Calls and tokens per stage and model, in stage order then model order.</summary>
    public required IReadOnlyList<GenerationUsage> Usage { get; init; }

    /// <summary>Stages loaded from a checkpoint instead of being run in this invocation.</summary>
    public required IReadOnlyList<GenerationStage> ResumedStages { get; init; }

    /// <summary>Stage 1 counts.</summary>
    public required SeedStatistics Seeds { get; init; }

    /// <summary>Stage 2 counts.</summary>
    public required RewriteStatistics Rewrites { get; init; }

    /// <summary>Stage 3 counts.</summary>
    public required ModerationStatistics Moderation { get; init; }

    /// <summary>All model answers used.</summary>
    public int Calls => Usage.Sum(u => u.Calls);

    /// <summary>Answers that cost nothing in this invocation (journal or checkpoint).</summary>
    public int ReplayedCalls => Usage.Sum(u => u.ReplayedCalls);

    /// <summary>All prompt tokens.</summary>
    public long InputTokens => Usage.Sum(u => u.InputTokens);

    /// <summary>All completion tokens.</summary>
    public long OutputTokens => Usage.Sum(u => u.OutputTokens);

    /// <summary>The estimated cost, when every model that was called has a price.</summary>
    public decimal? EstimatedCost =>
        Usage.Where(u => u.Calls > 0).All(u => u.EstimatedCost is not null)
            ? Usage.Sum(u => u.EstimatedCost ?? 0m)
            : null;
}
