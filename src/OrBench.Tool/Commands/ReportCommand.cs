using System.CommandLine;
using OrBench.Testing.Reporting;
using OrBench.Testing.Results;
using OrBench.Tool.Cli;
using OrBench.Tool.Composition;
using OrBench.Tool.Output;

namespace OrBench.Tool.Commands;

/// <summary>
/// <c>orbench report</c>: regenerates results.json, report.md and report.html from results files. Shards of one run
/// (same model and prompt set) are merged first, after checking that none is missing or given twice; results of
/// different models are compared side by side.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(ToolConsole console)
    {
        var results = new Argument<string[]>("RESULTS") { Description = "One or more results.json files (shards of one run, or runs of several models).", Arity = ArgumentArity.OneOrMore };
        var baseline = new Option<string?>("--baseline") { HelpName = "BASELINE.json", Description = "A results.json of an earlier run: the report lists verdict flips against it." };
        var output = SharedOptions.Output("Directory to write into (default: the directory of the only results file, or orbench-report for several).");
        var allowPartial = SharedOptions.AllowPartial();
        var format = SharedOptions.Format(OutputFormat.Text, OutputFormat.Json, OutputFormat.Markdown);
        var command = new Command("report", "Regenerate report.md, report.html and results.json from results files; merge shards; compare models.")
        {
            results, baseline, output, allowPartial, format,
        };
        command.SetToolAction(console, async (parseResult, cancellationToken) =>
        {
            var inputs = ResultInputs.Resolve(console, parseResult.GetRequiredValue(results));
            var baselinePath = parseResult.GetValue(baseline) is { } b ? ResultInputs.Resolve(console, [b])[0] : null;
            var directory = console.FullPath(parseResult.GetValue(output)
                ?? (inputs.Count == 1 ? Path.GetDirectoryName(inputs[0])! : "orbench-report"));
            var chosen = SharedOptions.FormatOf(parseResult, format);
            StagedOutput.Check(directory, "--output", ReportWriter.MarkdownFileName, ReportWriter.HtmlFileName);
            var loaded = await ShardCompleteness.CheckAsync(console, "orbench report", inputs, await ResultInputs.ReadAsync(inputs, cancellationToken), parseResult.GetValue(allowPartial));
            var baselineResult = baselinePath is null ? null : await ResultFiles.ReadAsync(baselinePath, cancellationToken);
            var options = Reports.Options(baselineResult, gates: null) with { WriteResultFiles = true };
            string[] paths;
            using (var staged = StagedOutput.Begin(directory, "--output"))
            {
                var written = await ReportWriter.WriteAsync(loaded, staged.Staging, options, cancellationToken);
                paths = [.. ((string[])[written.MarkdownPath, written.HtmlPath, .. written.ResultDirectories.SelectMany(d => (string[])[Path.Combine(d, ResultFiles.ResultsFileName), Path.Combine(d, ResultFiles.RecordsFileName)])]).Select(staged.FinalPath)];
                staged.Commit();
            }

            var markdownPath = Path.Combine(directory, ReportWriter.MarkdownFileName);
            switch (chosen)
            {
                case OutputFormat.Markdown:
                    // Printed for the caller to redirect (a step summary); appending it as well would show it twice.
                    await console.Out.WriteAsync(await File.ReadAllTextAsync(markdownPath, cancellationToken));
                    return ExitCodes.Success;
                case OutputFormat.Json:
                    await Reports.AppendStepSummaryAsync(console, "orbench report", markdownPath, cancellationToken);
                    await JsonOutput.WriteAsync(console, "report", json =>
                    {
                        json.WriteString("directory", directory);
                        json.WriteStartArray("files");
                        foreach (var path in paths)
                        {
                            json.WriteStringValue(path);
                        }

                        json.WriteEndArray();
                        json.WriteStartArray("models");
                        foreach (var merged in ResultMerger.MergeByModel(loaded))
                        {
                            json.WriteStartObject();
                            ResultJson.WriteSummary(json, merged);
                            json.WriteNumber("shards", merged.Metadata.TryGetValue("shards", out var count) && int.TryParse(count, out var n) ? n : 1);
                            if (merged.Metadata.TryGetValue(ShardCompleteness.MissingShardsKey, out var missing))
                            {
                                json.WriteString("missingShards", missing);
                            }
                            else
                            {
                                json.WriteNull("missingShards");
                            }

                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                    });
                    return ExitCodes.Success;
                default:
                    await Reports.AppendStepSummaryAsync(console, "orbench report", markdownPath, cancellationToken);
                    foreach (var path in paths)
                    {
                        await console.Out.WriteLineAsync($"wrote {path}");
                    }

                    return ExitCodes.Success;
            }
        });
        return command;
    }
}
