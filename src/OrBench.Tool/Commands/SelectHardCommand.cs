using System.CommandLine;
using OrBench.Testing.Generation;
using OrBench.Testing.Generation.HardSubset;
using OrBench.Testing.Results;
using OrBench.Tool.Cli;

namespace OrBench.Tool.Commands;

/// <summary>
/// <c>orbench select-hard DIR --results R1 R2 … [--min-rejections K]</c>: stage 4 of the generation pipeline. After
/// several models were run on a generated <c>over-refusal.csv</c> (with <c>orbench run</c>), keeps the prompts at least
/// K of them rejected, as OR-Bench-Hard-1K was built from OR-Bench-80K, and writes <c>hard.csv</c> and
/// <c>hard.provenance.jsonl</c> next to the generated set.
/// </summary>
internal static class SelectHardCommand
{
    public static Command Create(ToolConsole console)
    {
        var directory = new Argument<string>("DIR")
        {
            Description = "The output directory of 'orbench generate' (it holds over-refusal.csv); hard.csv and hard.provenance.jsonl are written there.",
        };
        var results = new Option<string[]>("--results")
        {
            HelpName = "RESULTS",
            Description = "results.json files (or the directories holding them) of the models run on over-refusal.csv, one per model.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var minRejections = new Option<int?>("--min-rejections")
        {
            HelpName = "K",
            Description = "Models that must reject a prompt for it to be kept (default: a strict majority of the models).",
        }.AtLeast(1);
        var command = new Command("select-hard", "Generation stage 4: keep the generated prompts that at least K of the given models rejected (hard.csv).")
        {
            directory,
            results,
            minRejections,
        };
        command.AddCheck(result =>
            result.GetValue(minRejections) is { } k && k > (result.GetValue(results)?.Length ?? 0)
                ? $"--min-rejections {k} is more than the {result.GetValue(results)?.Length ?? 0} results given."
                : null);
        command.SetToolAction(console, async (parseResult, cancellationToken) =>
        {
            var output = console.FullPath(parseResult.GetRequiredValue(directory));
            if (!File.Exists(Path.Combine(output, GenerationFiles.OverRefusalCsv)))
            {
                throw new UsageException($"'{output}' holds no {GenerationFiles.OverRefusalCsv}; pass the output directory of 'orbench generate'");
            }

            var paths = parseResult.GetRequiredValue(results).Select(p => (Argument: p, Full: ResultsFile(console.FullPath(p)))).ToList();
            if (paths.GroupBy(p => p.Full, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            {
                // One model's verdicts counted twice would let a single model's rejection pass a two-model threshold.
                throw new UsageException($"--results names {repeated.First().Argument} twice (as {string.Join(" and ", repeated.Select(p => $"'{p.Argument}'"))}); give each model's results once");
            }

            var loaded = new List<OrBenchResult>();
            foreach (var (_, full) in paths)
            {
                loaded.Add(await ResultFiles.ReadAsync(full, cancellationToken));
            }

            var options = new HardSubsetOptions { RequiredRejections = parseResult.GetValue(minRejections) };
            var selection = await HardSubsetSelector.SelectAndWriteAsync(output, loaded, options, cancellationToken);
            await console.Out.WriteLineAsync(
                $"kept {selection.Kept.Count} of {selection.Prompts.Count} prompts (rejected by at least {selection.RequiredRejections} of {selection.Models.Count} models: {string.Join(", ", selection.Models)})");
            if (selection.MissingVerdicts > 0)
            {
                await console.Out.WriteLineAsync($"{selection.MissingVerdicts} prompt-model pairs had no decided verdict and counted as not rejected");
            }

            await console.Out.WriteLineAsync($"wrote {Path.Combine(output, GenerationFiles.HardCsv)} and {GenerationFiles.HardProvenanceJsonl}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A directory stands for the results.json inside it, so a directory and its file are recognised as one input.</summary>
    private static string ResultsFile(string path) => Directory.Exists(path) ? Path.Combine(path, ResultFiles.ResultsFileName) : path;
}
