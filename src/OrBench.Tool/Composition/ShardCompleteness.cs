using OrBench.Testing.Results;
using OrBench.Tool.Cli;

namespace OrBench.Tool.Composition;

/// <summary>
/// Checks, before <c>report</c> or <c>tune</c> merges them, that the shard results of each run form a whole set, through
/// the library's <see cref="ShardSet"/> with the files as names. Missing shards are accepted with <c>--allow-partial</c>:
/// a warning names them, and the merged results carry <see cref="RunFacts.MissingShards"/> in their metadata.
/// </summary>
internal static class ShardCompleteness
{
    /// <summary>The metadata key the merged result names its missing shards under (e.g. <c>2/8, 5/8</c>).</summary>
    public const string MissingShardsKey = RunFacts.MissingShards;

    /// <summary>Returns the results to merge; with <paramref name="allowPartial"/> they are marked with their run's missing shards.</summary>
    /// <exception cref="ToolFailureException">A shard is given twice, or (without <paramref name="allowPartial"/>) shards are missing.</exception>
    public static async Task<IReadOnlyList<OrBenchResult>> CheckAsync(ToolConsole console, string commandName, IReadOnlyList<string> paths, IReadOnlyList<OrBenchResult> results, bool allowPartial)
    {
        ShardSet set;
        try
        {
            set = ShardSet.Check(results, paths, allowPartial);
        }
        catch (IncompleteShardSetException e)
        {
            throw new ToolFailureException(e.MissingShards.Count > 0 ? $"{e.Message}. Give every shard, or --allow-partial to report the shards given" : e.Message);
        }

        foreach (var warning in set.Warnings)
        {
            await console.Error.WriteLineAsync($"{commandName}: warning: {warning}; the merged result covers only the shards given");
        }

        return set.Results;
    }
}
