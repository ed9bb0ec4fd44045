using OrBench.Testing.Gates;
using OrBench.Testing.Results;

namespace OrBench.Testing.Reporting;

/// <summary>
/// Groups results by model and merges the results of one model into one, so reports and the tuner show one row per model:
/// shards of one run are merged by <see cref="ResultMerge"/>; different runs of the model (a Hard-1K and a Toxic run) are then
/// combined, since their records carry their expected behaviour.
/// </summary>
internal static class ResultMerger
{
    /// <summary>The name used for results whose <see cref="OrBenchResult.Model"/> is not set.</summary>
    public const string UnnamedModel = "(model not named)";

    /// <summary>
    /// One result per model, ordered by model name (ordinal), whatever the input order. Records are sorted by id, repeat
    /// and expected behaviour; start time is the earliest (runs without one, read from a file, do not count), wall time the sum, metadata the union (conflicting values
    /// are joined, sorted, with <c>", "</c>).
    /// </summary>
    /// <exception cref="ResultMergeException">Shards of one run overlap, or two runs of one model hold the same prompt id and repeat for the same expected behaviour.</exception>
    public static IReadOnlyList<OrBenchResult> MergeByModel(IEnumerable<OrBenchResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var list = results.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one result is needed.", nameof(results));
        }

        return list
            .GroupBy(ModelName, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Merge(g.ToList()))
            .ToList();
    }

    /// <summary>The display name of a result's model.</summary>
    public static string ModelName(OrBenchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.IsNullOrWhiteSpace(result.Model) ? UnnamedModel : result.Model;
    }

    /// <summary>Merges the results of one model: shards per run first, then the runs; a single result is returned unchanged.</summary>
    /// <exception cref="ResultMergeException">Shards of one run overlap, or two runs hold the same prompt for the same expected behaviour.</exception>
    public static OrBenchResult Merge(IReadOnlyList<OrBenchResult> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new ArgumentException("At least one result is needed.", nameof(parts));
        }

        if (parts.Count == 1)
        {
            return parts[0];
        }

        // Input order must not matter: shards are ordered by their content before ResultMerge sees them.
        var runs = parts
            .GroupBy(p => (p.Prompts, p.Subset))
            .OrderBy(g => g.Key.Prompts, StringComparer.Ordinal).ThenBy(g => g.Key.Subset)
            .Select(g => ResultMerge.Merge(g.OrderBy(p => p.StartedAt).ThenBy(p => p.Records.Count > 0 ? p.Records[0].Id : string.Empty, StringComparer.Ordinal).ToList()))
            .ToList();
        return runs.Count == 1 ? runs[0] : Combine(runs);
    }

    private static OrBenchResult Combine(List<OrBenchResult> runs)
    {
        var records = new List<PromptRecord>();
        var seen = new Dictionary<(string Id, int Repeat, Data.ExpectedBehavior Expected), OrBenchResult>();
        foreach (var run in runs)
        {
            foreach (var record in run.Records)
            {
                if (!seen.TryAdd((record.Id, record.Repeat, record.Expected), run))
                {
                    var other = seen[(record.Id, record.Repeat, record.Expected)];
                    throw new ResultMergeException(
                        $"Cannot combine the runs of model '{ModelName(run)}': prompt '{record.Id}' (repeat {record.Repeat}) appears in both '{other.Prompts}' and '{run.Prompts}'.");
                }

                records.Add(record);
            }
        }

        records.Sort(static (a, b) =>
        {
            var byId = string.CompareOrdinal(a.Id, b.Id);
            return byId != 0 ? byId : a.Repeat != b.Repeat ? a.Repeat.CompareTo(b.Repeat) : a.Expected.CompareTo(b.Expected);
        });

        return new OrBenchResult
        {
            SchemaVersion = runs.Max(p => p.SchemaVersion),
            Model = runs[0].Model,
            Prompts = string.Join(" + ", runs.Select(p => p.Prompts).Distinct(StringComparer.Ordinal)),
            Subset = runs[0].Subset,
            Records = records,
            // A run read from a responses file has no start; it must not make the merged run start in year 1.
            StartedAt = runs.Select(p => p.StartedAt).Where(t => t != default).DefaultIfEmpty().Min(),
            WallSeconds = runs.Sum(p => p.WallSeconds),
            Metadata = MergeMetadata(runs),
        };
    }

    private static SortedDictionary<string, string> MergeMetadata(IEnumerable<OrBenchResult> parts)
    {
        var merged = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (key, value) in parts.SelectMany(p => p.Metadata))
        {
            if (!merged.TryGetValue(key, out var values))
            {
                merged[key] = values = new SortedSet<string>(StringComparer.Ordinal);
            }

            values.Add(value);
        }

        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in merged)
        {
            result[key] = string.Join(", ", values);
        }

        return result;
    }
}
