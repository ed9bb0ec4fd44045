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
    /// Shards must come from one run configuration: the facts in <see cref="RunIdentityKeys"/> (classifier, sample, seed,
    /// repeats, categories, system prompt, prompt-set size) must agree, and shard specs (<c>k/n</c>) must share n and
    /// differ in k. Otherwise the merged rates would mix two samples or two judges under one n. A shard that was cancelled
    /// marks the merged result cancelled.
    /// </remarks>
    /// <exception cref="ResultMergeException">No shards, shards of different prompt sets, models or run configurations, the same shard twice, or a prompt (id and repeat) present in two shards.</exception>
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

            foreach (var key in RunIdentityKeys)
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

        // After the record check, so shards that overlap are named by their first shared prompt.
        CheckShardSpecs(shards);
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
        if (!metadata.ContainsKey("classifier") && shards.All(s => s.Metadata.ContainsKey("classifier")))
        {
            metadata["classifier"] = string.Join(",", shards.SelectMany(s => s.Metadata["classifier"].Split(',')).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        }
        if (shards.Any(s => s.Metadata.TryGetValue("cancelled", out var cancelled) && cancelled == "true"))
        {
            // One cancelled shard makes the whole run incomplete; dropping the flag because the shards disagree would hide it.
            metadata["cancelled"] = "true";
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

    /// <summary>Metadata facts that identify a run configuration; shards whose values differ (or where only one records it) are refused. (<c>promptCount</c> is per shard, so it is not one of them.)</summary>
    public static IReadOnlyList<string> RunIdentityKeys { get; } = ["classifier", "sample", "seed", "repeats", "categories", "systemPrompt", "promptSetSize"];

    // "classifier" lists the classifiers that gave the verdicts, so shards of one cascade run may list different stages
    // ("offline" and "offline,judge"); they are one run as long as they share a classifier. Disjoint lists are different judges.
    private static bool SameClassifierRun(string key, string? mine, string? theirs) =>
        key == "classifier" && mine is not null && theirs is not null && mine.Split(',').Intersect(theirs.Split(','), StringComparer.Ordinal).Any();

    private static string Show(string? value) => value is null ? "(not recorded)" : $"'{value}'";

    private static void CheckShardSpecs(IReadOnlyList<OrBenchResult> shards)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        string? total = null;
        var totalShard = 0;
        for (var i = 0; i < shards.Count; i++)
        {
            if (!shards[i].Metadata.TryGetValue("shard", out var spec))
            {
                continue;
            }

            if (!seen.TryAdd(spec, i))
            {
                throw new ResultMergeException($"Shard {seen[spec] + 1} and shard {i + 1} are both shard {spec}; the same shard was given twice (a re-run?), so keep one of them.");
            }

            var slash = spec.IndexOf('/', StringComparison.Ordinal);
            var count = slash < 0 ? null : spec[(slash + 1)..];
            if (count is null)
            {
                continue;
            }

            if (total is null)
            {
                (total, totalShard) = (count, i);
            }
            else if (total != count)
            {
                throw new ResultMergeException($"Shard {totalShard + 1} is one of {total} shards but shard {i + 1} ({spec}) is one of {count}; shards of one run are split the same way.");
            }
        }
    }
}
