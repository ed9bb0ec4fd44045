using OrBench.Testing.Results;
using OrBench.Tool.Cli;

namespace OrBench.Tool.Composition;

/// <summary>
/// Reads the results files given to <c>report</c> and <c>tune</c>; a directory stands for its results.json. Merging
/// shards and grouping models is the Report stage's job, so results are returned as read, in argument order.
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
                full = Path.Combine(full, ResultFiles.ResultsFileName);
            }

            if (!File.Exists(full))
            {
                throw new UsageException($"results file '{argument}' does not exist");
            }

            paths.Add(full);
        }

        return paths;
    }

    public static async Task<IReadOnlyList<OrBenchResult>> ReadAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var results = new List<OrBenchResult>(paths.Count);
        foreach (var path in paths)
        {
            results.Add(await ResultFiles.ReadAsync(path, cancellationToken));
        }

        return results;
    }
}
