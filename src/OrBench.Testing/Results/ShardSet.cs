using System.Globalization;
using OrBench.Testing.Data;

namespace OrBench.Testing.Results;

/// <summary>
/// Whether shard results (those recording <see cref="RunFacts.Shard"/> <c>k/n</c>) form whole runs: every <c>k</c> of
/// <c>n</c> once, all split into the same <c>n</c>. A missing shard would otherwise be merged into a complete-looking run
/// of fewer prompts, and a shard given twice (a re-run) into a merge failure that names no file. The one check behind
/// <see cref="ResultMerge.Merge"/> and <c>orbench report</c>/<c>tune</c>.
/// </summary>
public sealed class ShardSet
{
    private ShardSet(IReadOnlyList<OrBenchResult> results, IReadOnlyList<string> warnings)
    {
        Results = results;
        Warnings = warnings;
    }

    /// <summary>
    /// The results, in input order; with a partial set allowed, the shards of an incomplete run carry
    /// <see cref="RunFacts.MissingShards"/> (e.g. <c>2/8, 5/8</c>) so merged results and reports say what they lack.
    /// </summary>
    public IReadOnlyList<OrBenchResult> Results { get; }

    /// <summary>One line per incomplete run that was allowed, naming its missing shards and the files given.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// Checks the shard results of each run (same model, prompt set and subset) in <paramref name="results"/>; results that
    /// are not shards pass unchecked.
    /// </summary>
    /// <param name="results">Results to be merged, e.g. read from the files of a CI matrix.</param>
    /// <param name="names">What to call each result in messages (its file), in the order of <paramref name="results"/>; default <c>result 1</c>, <c>result 2</c>….</param>
    /// <param name="allowPartial">Accept runs with missing shards (marked, with a warning) instead of refusing them. A shard given twice is refused anyway.</param>
    /// <exception cref="IncompleteShardSetException">A shard is given twice, the shards of one run are split differently, or (without <paramref name="allowPartial"/>) shards are missing.</exception>
    public static ShardSet Check(IReadOnlyList<OrBenchResult> results, IReadOnlyList<string>? names = null, bool allowPartial = false)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (names is not null && names.Count != results.Count)
        {
            throw new ArgumentException($"Expected one name per result: {results.Count} results but {names.Count} names.", nameof(names));
        }

        string Name(int index) => names?[index] ?? string.Create(CultureInfo.InvariantCulture, $"result {index + 1}");
        var marked = results.ToArray();
        var warnings = new List<string>();
        var runs = Enumerable.Range(0, results.Count)
            .Select(i => (Index: i, Spec: RunFacts.ShardOf(results[i])))
            .Where(s => s.Spec is not null)
            .Select(s => (s.Index, Spec: s.Spec!.Value))
            .GroupBy(s => (results[s.Index].Model, results[s.Index].Prompts, results[s.Index].Subset));
        foreach (var run in runs)
        {
            var shards = run.ToList();
            var name = $"{run.Key.Model ?? "(model not named)"} on {run.Key.Prompts}";
            var duplicate = shards.GroupBy(s => s.Spec.Index).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new IncompleteShardSetException($"shard {duplicate.First().Spec} of {name} is given twice: {string.Join(" and ", duplicate.Select(s => Name(s.Index)))}; keep one of them", []);
            }

            var counts = shards.Select(s => s.Spec.Count).Distinct().ToList();
            if (counts.Count > 1)
            {
                throw new IncompleteShardSetException($"the shards of {name} were split differently ({string.Join(", ", shards.Select(s => $"{Name(s.Index)} is {s.Spec}"))}); shards of one run share n", []);
            }

            var total = counts[0];
            var missing = Enumerable.Range(1, total).Except(shards.Select(s => s.Spec.Index)).Select(k => new ShardSpec(k, total).ToString()).ToList();
            if (missing.Count == 0)
            {
                continue;
            }

            var given = string.Join(", ", shards.OrderBy(s => s.Spec.Index).Select(s => $"{s.Spec} ({Name(s.Index)})"));
            var message = $"{name} is missing shard{(missing.Count == 1 ? string.Empty : "s")} {string.Join(", ", missing)}; given: {given}";
            if (!allowPartial && !shards.All(s => results[s.Index].Metadata.ContainsKey(RunFacts.MissingShards)))
            {
                throw new IncompleteShardSetException(message, missing);
            }

            warnings.Add(message);
            foreach (var (index, _) in shards)
            {
                marked[index] = marked[index] with
                {
                    Metadata = new SortedDictionary<string, string>(marked[index].Metadata.ToDictionary(), StringComparer.Ordinal) { [RunFacts.MissingShards] = string.Join(", ", missing) },
                };
            }
        }

        return new ShardSet(marked, warnings);
    }
}
