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
    /// <remarks>
    /// Shards must come from one run configuration: the facts in <see cref="RunFacts.RunIdentity"/> (classifier, sample, seed,
    /// repeats, categories, system prompt, prompt-set size) must agree, and the shards must form a whole set
    /// (<see cref="ShardSet"/>: every <c>k</c> of <c>k/n</c> once). Otherwise the merged rates would mix two samples or two
    /// judges under one n, or pass a part of the run off as all of it. A shard that was cancelled marks the merged result
    /// cancelled; a partial merge records <see cref="RunFacts.MissingShards"/>.
    /// </remarks>
    /// <param name="shards">The shard results of one run.</param>
    /// <param name="allowPartial">Merge a set with missing shards (recorded as <see cref="RunFacts.MissingShards"/>) instead of refusing it. Shards already marked by <see cref="ShardSet.Check"/> with a partial set allowed are accepted either way.</param>
    /// <param name="names">What to call each shard in messages (its file), in the order of <paramref name="shards"/>.</param>
    /// <exception cref="IncompleteShardSetException">A shard is missing (without <paramref name="allowPartial"/>), given twice, or the shards were split differently.</exception>
    /// <exception cref="ResultMergeException">No shards, shards of different prompt sets, models or run configurations, or a prompt (id and repeat) present in two shards.</exception>
    public static OrBenchResult Merge(IReadOnlyList<OrBenchResult> shards, bool allowPartial = false, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0)
        {
            throw new ResultMergeException("There are no shard results to merge.");
        }

        shards = ShardSet.Check(shards, names, allowPartial).Results;

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

            foreach (var key in RunFacts.RunIdentity)
            {
                var mine = shard.Metadata.GetValueOrDefault(key);
                var theirs = first.Metadata.GetValueOrDefault(key);
                if (!string.Equals(mine, theirs, StringComparison.Ordinal) && !SameClassifierRun(key, mine, theirs))
                {
                    throw new ResultMergeException($"Shard {i + 1} has {key} {Show(mine)} but shard 1 has {key} {Show(theirs)}; shards of one run share their {key}, so these are different runs and their rates cannot be pooled.");
                }
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
            if (key != RunFacts.Shard && key != RunFacts.PromptCount && shards.All(s => s.Metadata.TryGetValue(key, out var other) && other == value))
            {
                metadata[key] = value;
            }
        }

        metadata[RunFacts.Shards] = shards.Count.ToString(CultureInfo.InvariantCulture);
        if (!metadata.ContainsKey(RunFacts.Classifier) && shards.All(s => s.Metadata.ContainsKey(RunFacts.Classifier)))
        {
            metadata[RunFacts.Classifier] = string.Join(",", shards.SelectMany(s => s.Metadata[RunFacts.Classifier].Split(',')).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        }

        if (shards.Any(RunFacts.IsCancelled))
        {
            // One cancelled shard makes the whole run incomplete; dropping the flag because the shards disagree would hide it.
            metadata[RunFacts.Cancelled] = "true";
        }

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

    // "classifier" lists the classifiers that gave the verdicts, so shards of one cascade run may list different stages
    // ("offline" and "offline,judge"); they are one run as long as they share a classifier. Disjoint lists are different judges.
    private static bool SameClassifierRun(string key, string? mine, string? theirs) =>
        key == RunFacts.Classifier && mine is not null && theirs is not null && mine.Split(',').Intersect(theirs.Split(','), StringComparer.Ordinal).Any();

    private static string Show(string? value) => value is null ? "(not recorded)" : $"'{value}'";
}
