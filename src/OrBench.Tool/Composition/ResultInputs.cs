using OrBench.Testing.Results;
using OrBench.Tool.Cli;

namespace OrBench.Tool.Composition;

/// <summary>
/// Reads the results files given to <c>report</c> and <c>tune</c>: a directory stands for its results.json; files of
/// the same model and prompt set are shards of one run and are merged by the Result stage, in argument order.
/// </summary>
internal static class ResultInputs
{
    public static IReadOnlyList<string> Resolve(ToolConsole console, IReadOnlyList<string> arguments)
    {
        var paths = new List<string>(arguments.Count);
        foreach (var argument in arguments)
        {
            var full = console.FullPath(argument);
            if (Directory.Exists(full))
            {
                full = Path.Combine(full, "results.json");
            }

            if (!File.Exists(full))
            {
                throw new UsageException($"results file '{argument}' does not exist");
            }

            paths.Add(full);
        }

        return paths;
    }

    /// <summary>One result per distinct (model, prompt set), shards merged, in order of first appearance.</summary>
    public static async Task<IReadOnlyList<OrBenchResult>> ReadMergedAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var groups = new List<(string Key, List<OrBenchResult> Parts)>();
        foreach (var path in paths)
        {
            var result = await ResultFiles.ReadAsync(path, cancellationToken);
            var key = $"{result.Model}\u0000{result.Prompts}";
            var group = groups.FindIndex(g => g.Key == key);
            if (group < 0)
            {
                groups.Add((key, [result]));
            }
            else
            {
                groups[group].Parts.Add(result);
            }
        }

        return [.. groups.Select(g => g.Parts.Count == 1 ? g.Parts[0] : StagePending.MergeShards(g.Parts))];
    }
}
