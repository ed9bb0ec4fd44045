using System.Globalization;

namespace OrBench.Testing.Results;

/// <summary>
/// Merges the results of CI shards of one run (same prompt set, same model) into one result, so a nightly 80K run split
/// over a matrix is gated and reported as a whole.
/// </summary>
public static class ResultMerge
{
    /// <summary>
    /// Merges <paramref name="shards"/>. Records are concatenated and sorted; wall time is summed; the start is the earliest;
    /// metadata keeps the entries every shard agrees on, drops <c>shard</c> and adds <c>shards</c> (the count).
    /// </summary>
    /// <exception cref="ResultMergeException">No shards, shards of different prompt sets or models, or a prompt (id and repeat) present in two shards.</exception>
    public static OrBenchResult Merge(IReadOnlyList<OrBenchResult> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0)
        {
            throw new ResultMergeException("There are no shard results to merge.");
        }

        var first = shards[0];
        for (var i = 1; i < shards.Count; i++)
        {
            var shard = shards[i];
            if (shard.Prompts != first.Prompts || shard.Subset != first.Subset)
            {
                throw new ResultMergeException($"Shard {i + 1} is a run of '{shard.Prompts}' ({shard.Subset}) but shard 1 is a run of '{first.Prompts}' ({first.Subset}); only shards of the same run can be merged.");
            }

            if (!string.Equals(shard.Model, first.Model, StringComparison.Ordinal))
            {
                throw new ResultMergeException($"Shard {i + 1} ran model '{shard.Model}' but shard 1 ran '{first.Model}'; compare models instead of merging them.");
            }
        }

        var owner = new Dictionary<(string Id, int Repeat), int>();
        var records = new List<PromptRecord>();
        for (var i = 0; i < shards.Count; i++)
        {
            foreach (var record in shards[i].Records)
            {
                if (!owner.TryAdd((record.Id, record.Repeat), i))
                {
                    throw new ResultMergeException($"Prompt '{record.Id}' (repeat {record.Repeat}) appears in shard {owner[(record.Id, record.Repeat)] + 1} and shard {i + 1}; shards of one run must be disjoint.");
                }

                records.Add(record);
            }
        }

        records.Sort(RecordOrder.Instance);

        var metadata = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in first.Metadata)
        {
            if (key != "shard" && shards.All(s => s.Metadata.TryGetValue(key, out var other) && other == value))
            {
                metadata[key] = value;
            }
        }

        metadata["shards"] = shards.Count.ToString(CultureInfo.InvariantCulture);

        return new OrBenchResult
        {
            SchemaVersion = OrBenchResult.CurrentSchemaVersion,
            Model = first.Model,
            Prompts = first.Prompts,
            Subset = first.Subset,
            Records = records,
            StartedAt = shards.Min(s => s.StartedAt),
            WallSeconds = shards.Sum(s => s.WallSeconds),
            Metadata = metadata,
        };
    }
}
