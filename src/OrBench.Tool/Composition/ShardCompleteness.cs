using System.Globalization;
using OrBench.Testing.Data;
using OrBench.Testing.Results;
using OrBench.Tool.Cli;

namespace OrBench.Tool.Composition;

/// <summary>
/// Checks, before <c>report</c> or <c>tune</c> merges them, that the shard results of each run form a whole set: every
/// <c>k</c> of <c>k/n</c> once. A missing shard would otherwise be reported as a complete run of fewer prompts, and a
/// shard given twice fails the merge without naming the files. Missing shards are accepted with
/// <c>--allow-partial</c>: a warning names them, and the merged results carry <c>missingShards</c> in their metadata.
/// </summary>
internal static class ShardCompleteness
{
    /// <summary>The metadata key the merged result names its missing shards under (e.g. <c>2/8, 5/8</c>).</summary>
    public const string MissingShardsKey = "missingShards";

    /// <summary>Returns the results to merge; with <paramref name="allowPartial"/> they are marked with their run's missing shards.</summary>
    /// <exception cref="ToolFailureException">A shard is given twice, or (without <paramref name="allowPartial"/>) shards are missing.</exception>
    public static async Task<IReadOnlyList<OrBenchResult>> CheckAsync(ToolConsole console, string commandName, IReadOnlyList<string> paths, IReadOnlyList<OrBenchResult> results, bool allowPartial)
    {
        var marked = results.ToArray();
        var runs = Enumerable.Range(0, results.Count)
            .Where(i => results[i].Metadata.TryGetValue("shard", out var spec) && ShardSpec.TryParse(spec, out _))
            .GroupBy(i => (results[i].Model, results[i].Prompts, results[i].Subset));
        foreach (var run in runs)
        {
            var shards = run.Select(i => (Index: i, Spec: ShardSpec.Parse(results[i].Metadata["shard"]))).ToList();
            var name = $"{run.Key.Model ?? "(model not named)"} on {run.Key.Prompts}";
            var duplicate = shards.GroupBy(s => s.Spec.Index).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new ToolFailureException($"shard {Spec(duplicate.First().Spec)} of {name} is given twice: {string.Join(" and ", duplicate.Select(s => paths[s.Index]))}; keep one of them");
            }

            var counts = shards.Select(s => s.Spec.Count).Distinct().ToList();
            if (counts.Count > 1)
            {
                throw new ToolFailureException($"the shards of {name} were split differently ({string.Join(", ", shards.Select(s => $"{paths[s.Index]} is {Spec(s.Spec)}"))}); shards of one run share n");
            }

            var total = counts[0];
            var missing = Enumerable.Range(1, total).Except(shards.Select(s => s.Spec.Index)).Select(k => string.Create(CultureInfo.InvariantCulture, $"{k}/{total}")).ToList();
            if (missing.Count == 0)
            {
                continue;
            }

            var given = string.Join(", ", shards.OrderBy(s => s.Spec.Index).Select(s => $"{Spec(s.Spec)} ({paths[s.Index]})"));
            var message = $"{name} is missing shard{(missing.Count == 1 ? string.Empty : "s")} {string.Join(", ", missing)}; given: {given}";
            if (!allowPartial)
            {
                throw new ToolFailureException($"{message}. Give every shard, or --allow-partial to report the shards given");
            }

            await console.Error.WriteLineAsync($"{commandName}: warning: {message}; the merged result covers only the shards given");
            foreach (var (index, _) in shards)
            {
                marked[index] = marked[index] with
                {
                    Metadata = new SortedDictionary<string, string>(marked[index].Metadata.ToDictionary(), StringComparer.Ordinal) { [MissingShardsKey] = string.Join(", ", missing) },
                };
            }
        }

        return marked;
    }

    private static string Spec(ShardSpec spec) => string.Create(CultureInfo.InvariantCulture, $"{spec.Index}/{spec.Count}");
}
