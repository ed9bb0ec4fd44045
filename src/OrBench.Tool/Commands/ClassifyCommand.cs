using System.CommandLine;
using OrBench.Tool.Cli;
using OrBench.Tool.Composition;

namespace OrBench.Tool.Commands;

/// <summary>
/// <c>orbench classify</c>: adds <c>verdict</c> and <c>refused</c> columns to a CSV of prompts and responses (the reference
/// OR-Bench checker's input), keeping every other column in order.
/// </summary>
internal static class ClassifyCommand
{
    public static Command Create(ToolConsole console)
    {
        var input = new Option<string>("--input") { HelpName = "FILE.csv", Description = "CSV with at least prompt and response columns (quoted multi-line fields are fine).", Required = true };
        var output = new Option<string>("--output") { HelpName = "FILE.csv", Description = "CSV to write: the input columns plus verdict and refused.", Required = true };
        var judge = new JudgeOptions();
        var command = new Command("classify", "Classify the responses of a CSV file (prompt,response,...) and write it back with verdict and refused columns.")
        {
            input, output,
        };
        judge.AddTo(command);
        command.SetToolAction(console, async (parseResult, cancellationToken) =>
        {
            var inputPath = console.FullPath(parseResult.GetRequiredValue(input));
            var outputPath = console.FullPath(parseResult.GetRequiredValue(output));
            if (!File.Exists(inputPath))
            {
                throw new UsageException($"--input '{parseResult.GetRequiredValue(input)}' does not exist");
            }

            if (string.Equals(inputPath, outputPath, StringComparison.Ordinal))
            {
                throw new UsageException("--output must differ from --input (the input is read while the output is written)");
            }

            using var classifiers = Classifiers.Create(judge.Bind(parseResult), console);
            var summary = await StagePending.ClassifyCsvAsync(inputPath, outputPath, classifiers.Classifier, cancellationToken);
            await console.Out.WriteLineAsync(summary);
            return ExitCodes.Success;
        });
        return command;
    }
}
