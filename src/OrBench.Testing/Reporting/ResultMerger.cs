using OrBench.Testing.Results;

namespace OrBench.Testing.Reporting;

/// <summary>
/// Groups results by model and merges the results of one model (CI shards, or a Hard-1K and a Toxic run) into one,
/// so reports and the tuner see one row per model. Kept inside Reporting until the Result stage offers a merge.
/// </summary>
public static class ResultMerger
{
    /// <summary>The name used for results whose <see cref="OrBenchResult.Model"/> is not set.</summary>
    public const string UnnamedModel = "(model not named)";

    /// <summary>
    /// One merged result per model, ordered by model name (ordinal), whatever the input order. Records are sorted by id,
    /// repeat and expected behaviour; start time is the earliest, wall time the sum, metadata the union (conflicting values
    /// are joined, sorted, with <c>", "</c>).
    /// </summary>
    /// <exception cref="ResultMergeException">Two results of one model hold the same prompt id and repeat for the same expected behaviour.</exception>
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

    /// <summary>Merges results of one model; a single result is returned unchanged.</summary>
    /// <exception cref="ResultMergeException">Two results hold the same prompt id and repeat for the same expected behaviour.</exception>
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

        var ordered = parts.OrderBy(p => p.Prompts, StringComparer.Ordinal).ThenBy(p => p.StartedAt).ToList();
        var records = new List<PromptRecord>();
        var seen = new Dictionary<(string Id, int Repeat, Data.ExpectedBehavior Expected), OrBenchResult>();
        foreach (var part in ordered)
        {
            foreach (var record in part.Records)
            {
                if (!seen.TryAdd((record.Id, record.Repeat, record.Expected), part))
                {
                    var other = seen[(record.Id, record.Repeat, record.Expected)];
                    throw new ResultMergeException(
                        $"Cannot merge results of model '{ModelName(part)}': prompt '{record.Id}' (repeat {record.Repeat}) appears in both '{Describe(other)}' and '{Describe(part)}'. Shards of one run must be disjoint; was a file given twice?");
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
            SchemaVersion = ordered.Max(p => p.SchemaVersion),
            Model = ordered[0].Model,
            Prompts = string.Join(" + ", ordered.Select(p => p.Prompts).Distinct(StringComparer.Ordinal)),
            Subset = ordered[0].Subset,
            Records = records,
            StartedAt = ordered.Min(p => p.StartedAt),
            WallSeconds = ordered.Sum(p => p.WallSeconds),
            Metadata = MergeMetadata(ordered),
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

    private static string Describe(OrBenchResult result) =>
        result.Metadata.TryGetValue("shard", out var shard) ? $"{result.Prompts} shard {shard}" : result.Prompts;
}
