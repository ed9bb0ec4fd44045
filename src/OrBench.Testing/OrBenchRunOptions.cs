using OrBench.Testing.Classification;
using OrBench.Testing.Data;
using OrBench.Testing.Running;

namespace OrBench.Testing;

/// <summary>
/// What <see cref="OrBenchChatClientExtensions.RunOrBenchAsync(Microsoft.Extensions.AI.IChatClient, OrBenchSubset, OrBenchRunOptions?, CancellationToken)"/>
/// runs. The defaults are the paper's protocol on the whole subset; prompts are selected in the order categories → sample → shard.
/// </summary>
public sealed record OrBenchRunOptions
{
    /// <summary>Run a seeded, category-stratified sample of this many prompts instead of the whole set (e.g. 300 for a pull-request gate).</summary>
    public int? Sample { get; init; }

    /// <summary>The sample's seed; the same seed gives the same prompts on every machine.</summary>
    public int Seed { get; init; }

    /// <summary>Run only shard <c>k/n</c>; null reads <c>ORBENCH_SHARD</c>.</summary>
    public string? Shard { get; init; }

    /// <summary>Keep only these categories; null or empty keeps all.</summary>
    public IReadOnlyList<OrBenchCategory>? Categories { get; init; }

    /// <summary>The refusal classifier; null uses <see cref="RefusalClassifiers.Default"/>.</summary>
    public IRefusalClassifier? Classifier { get; init; }

    /// <summary>Where the official files come from (data directory, revision).</summary>
    public OrBenchDataOptions? DataOptions { get; init; }

    /// <summary>How prompts are sent (system prompt, temperature, concurrency…); null is the paper's protocol.</summary>
    public RunOptions? RunOptions { get; init; }

    /// <summary>Progress of the run, one report per finished request.</summary>
    public IProgress<RunProgress>? Progress { get; init; }

    /// <summary>Classifier calls in flight at once.</summary>
    public int ClassificationConcurrency { get; init; } = Results.ResultClassification.DefaultMaxConcurrency;

    /// <summary>Extra run facts to record in the result (for example the deployment name).</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
