using System.CommandLine;
using OrBench.Testing.Gates;
using OrBench.Testing.Reporting;
using OrBench.Testing.Results;
using OrBench.Tool.Cli;
using OrBench.Tool.Composition;
using OrBench.Tool.Output;

namespace OrBench.Tool.Commands;

/// <summary>
/// <c>orbench report</c>: regenerates results.json, report.md and report.html from results files. Shards of one run
/// (same model and prompt set) are merged first; results of different models are compared side by side.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(ToolConsole console)
    {
        var results = new Argument<string[]>("RESULTS") { Description = "One or more results.json files (shards of one run, or runs of several models).", Arity = ArgumentArity.OneOrMore };
        var baseline = new Option<string?>("--baseline") { HelpName = "BASELINE.json", Description = "A results.json of an earlier run: the report lists verdict flips against it." };
        var output = new Option<string?>("--out") { HelpName = "DIR", Description = "Directory to write into (default: the directory of the only results file, or orbench-report for several)." };
        var command = new Command("report", "Regenerate report.md, report.html and results.json from results files; merge shards; compare models.")
        {
            results, baseline, output,
        };
        command.SetToolAction(console, async (parseResult, cancellationToken) =>
        {
            var inputs = ResultInputs.Resolve(console, parseResult.GetRequiredValue(results));
            var baselinePath = parseResult.GetValue(baseline) is { } b ? ResultInputs.Resolve(console, [b])[0] : null;
            var directory = console.FullPath(parseResult.GetValue(output)
                ?? (inputs.Count == 1 ? Path.GetDirectoryName(inputs[0])! : "orbench-report"));
            StagedOutput.Check(directory, "--out", ReportWriter.MarkdownFileName, ReportWriter.HtmlFileName);
            var loaded = await ResultInputs.ReadAsync(inputs, cancellationToken);
            var baselineResult = baselinePath is null ? null : await ResultFiles.ReadAsync(baselinePath, cancellationToken);
            var options = Reports.Options(baselineResult, gates: null) with { WriteResultFiles = true };
            string[] paths;
            using (var output = StagedOutput.Begin(directory, "--out"))
            {
                var written = await ReportWriter.WriteAsync(loaded, output.Staging, options, cancellationToken);
                paths = [.. ((string[])[written.MarkdownPath, written.HtmlPath, .. written.ResultDirectories.Select(d => Path.Combine(d, ResultFiles.ResultsFileName))]).Select(output.FinalPath)];
                output.Commit();
            }

            await Reports.AppendStepSummaryAsync(console, "orbench report", Path.Combine(directory, ReportWriter.MarkdownFileName), cancellationToken);
            foreach (var path in paths)
            {
                await console.Out.WriteLineAsync($"wrote {path}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
