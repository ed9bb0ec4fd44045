using OrBench.Testing.Data;

namespace OrBench.Testing.Results;

/// <summary>
/// The result of one evaluation run (or of merged shards): its records and the facts a report needs.
/// Serialised as <c>results.json</c> (with a schema version) and read back by every report, gate and tool command.
/// </summary>
public sealed record OrBenchResult
{
    /// <summary>The version of the results.json schema this object was written with.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Schema version of the file this was read from (or <see cref="CurrentSchemaVersion"/>).</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The model under test, as configured or reported.</summary>
    public string? Model { get; init; }

    /// <summary>The prompt set name, e.g. <c>or-bench-hard-1k</c>.</summary>
    public required string Prompts { get; init; }

    /// <summary>The subset of the prompt set.</summary>
    public OrBenchSubset Subset { get; init; }

    /// <summary>One record per prompt and repeat, sorted by id then repeat.</summary>
    public required IReadOnlyList<PromptRecord> Records { get; init; }

    /// <summary>When the run started (UTC).</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Wall time of the run in seconds (for merged shards: the sum).</summary>
    public double WallSeconds { get; init; }

    /// <summary>Free-form run facts for reports (shard, sample, seed, classifier, data file hashes, stand-in notice).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
