using OrBench.Testing.Data;
using OrBench.Testing.Generation.Rewriting;

namespace OrBench.Testing.Generation;

/// <summary>
/// Parameters of a generation run. Defaults follow the paper (about 2,000 seeds per category in batches of 20 at
/// temperature 1.0; 5 rewrites per seed at temperature 0.7; majority vote of the moderators); lower
/// <see cref="SeedsPerCategory"/> for a first, cheap look at a new domain.
/// </summary>
public sealed record GenerationOptions
{
    /// <summary>Where outputs and checkpoints go (<c>--out</c>). Created when missing.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>
    /// Continue a run whose checkpoints are in <see cref="OutputDirectory"/> (<c>--resume</c>): finished stages are
    /// loaded, and model answers already journaled are replayed instead of being requested again. Without it, a
    /// directory that already holds a run is refused rather than overwritten.
    /// </summary>
    public bool Resume { get; init; }

    /// <summary>Categories to generate (<c>--categories</c>); any non-empty strings, the paper's ten by default.</summary>
    public IReadOnlyList<OrBenchCategory> Categories { get; init; } = OrBenchCategory.WellKnown;

    /// <summary>
    /// Categories the moderators choose from (plus "none of the above"). Null: the paper's ten plus any custom
    /// generation category, so a moderator can always name the harm it sees.
    /// </summary>
    public IReadOnlyList<OrBenchCategory>? ModerationCategories { get; init; }

    /// <summary>Optional domain the prompts should come from (for example <c>a children's toy shop</c>); null for general prompts as in the paper.</summary>
    public string? Domain { get; init; }

    /// <summary>Distinct toxic seeds wanted per category (<c>--seeds-per-category</c>).</summary>
    public int SeedsPerCategory { get; init; } = 2000;

    /// <summary>Seeds asked for in one generator request.</summary>
    public int SeedBatchSize { get; init; } = 20;

    /// <summary>
    /// Upper bound on generator requests per category, for generators that keep repeating themselves or return
    /// malformed text. Null: three times the batches that would be needed if every batch were full and new.
    /// </summary>
    public int? MaxSeedBatchesPerCategory { get; init; }

    /// <summary>Sampling temperature of the generator.</summary>
    public float SeedTemperature { get; init; } = 1.0f;

    /// <summary>Seemingly-toxic rewrites asked for per seed (<c>--rewrites-per-seed</c>).</summary>
    public int RewritesPerSeed { get; init; } = 5;

    /// <summary>Sampling temperature of the rewriter.</summary>
    public float RewriteTemperature { get; init; } = 0.7f;

    /// <summary>Sampling temperature of the moderators (0: their votes should be reproducible).</summary>
    public float ModerationTemperature { get; init; }

    /// <summary>Votes a side needs to win (k of m moderators). Null: a strict majority, m / 2 + 1.</summary>
    public int? RequiredVotes { get; init; }

    /// <summary>
    /// Token-set Jaccard similarity at or above which a seed or rewrite is a near-duplicate of an earlier one and is
    /// dropped. Null turns near-duplicate removal off (exact duplicates are always removed).
    /// </summary>
    public double? NearDuplicateThreshold { get; init; } = 0.8;

    /// <summary>The lexical rules rewrites must obey; violators are dropped and counted.</summary>
    public RewriteConstraints Constraints { get; init; } = RewriteConstraints.Default;

    /// <summary>Model requests in flight at once, across all models and stages. Never exceeded.</summary>
    public int MaxConcurrency { get; init; } = 8;

    internal int EffectiveRequiredVotes(int moderators) => RequiredVotes ?? (moderators / 2) + 1;

    internal int EffectiveMaxSeedBatches =>
        MaxSeedBatchesPerCategory ?? 3 * (int)Math.Ceiling(SeedsPerCategory / (double)SeedBatchSize);

    internal IReadOnlyList<OrBenchCategory> EffectiveModerationCategories =>
        ModerationCategories ?? [.. OrBenchCategory.WellKnown.Concat(Categories).Distinct()];

    /// <summary>Checks every value and names the first bad one.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    internal void Validate(int moderators)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(OutputDirectory, nameof(OutputDirectory));
        Require(Categories is { Count: > 0 }, nameof(Categories), "at least one category is required");
        Require(Categories.Distinct().Count() == Categories.Count, nameof(Categories), "categories must not repeat");
        Require(SeedsPerCategory > 0, nameof(SeedsPerCategory), "must be positive");
        Require(SeedBatchSize > 0, nameof(SeedBatchSize), "must be positive");
        Require(EffectiveMaxSeedBatches > 0, nameof(MaxSeedBatchesPerCategory), "must be positive");
        Require(RewritesPerSeed > 0, nameof(RewritesPerSeed), "must be positive");
        Require(MaxConcurrency > 0, nameof(MaxConcurrency), "must be positive");
        Require(NearDuplicateThreshold is null or (> 0 and <= 1), nameof(NearDuplicateThreshold), "must be in (0, 1]");
        var k = EffectiveRequiredVotes(moderators);
        Require(k >= 1 && k <= moderators, nameof(RequiredVotes), $"must be between 1 and the number of moderators ({moderators}), was {k}");
        Require(Constraints is not null, nameof(Constraints), "must not be null");
    }

    private static void Require(bool condition, string option, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"Generation option {option} {problem}.", option);
        }
    }
}
