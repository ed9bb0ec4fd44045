using System.Globalization;
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
        var totals = new long[2];
        for (var i = 0; i < paths.Count; i++)
        {
            var result = await ResultFiles.ReadAsync(paths[i], cancellationToken);
            CheckTotals(paths[i], result, totals);
            results.Add(result);
        }

        return results;
    }

    /// <summary>
    /// Token totals are summed over every record of every file (reports, merges, results.json); a count near
    /// Int64.MaxValue (a corrupt or hand-edited file) would overflow far from its cause, so it is named here: file, record, field.
    /// </summary>
    private static void CheckTotals(string path, OrBenchResult result, long[] totals)
    {
        foreach (var record in result.Records)
        {
            Add(0, "inputTokens", record.InputTokens ?? 0);
            Add(1, "outputTokens", record.OutputTokens ?? 0);

            void Add(int index, string field, long value)
            {
                if (value < 0 || long.MaxValue - totals[index] < value)
                {
                    throw new ToolFailureException(string.Create(CultureInfo.InvariantCulture,
                        $"{path}: record '{record.Id}' (repeat {record.Repeat}) has field '{field}' {value}, {(value < 0 ? "a negative count" : "which makes the total of the files given exceed 9,223,372,036,854,775,807")}; the file is corrupt or was edited by hand"));
                }

                totals[index] += value;
            }
        }
    }
}
