using System.Text;
using OrBench.Testing.Gates;
using OrBench.Testing.Reporting;
using OrBench.Testing.Results;
using OrBench.Tool.Cli;

namespace OrBench.Tool.Composition;

/// <summary>
/// Report options as the tool uses them: result files are written by the tool itself (into the output directory, the
/// contract of <c>run</c> and <c>report</c>), and the job summary is appended by the tool once every file is in place.
/// </summary>
internal static class Reports
{
    public const string StepSummaryVariable = "GITHUB_STEP_SUMMARY";

    /// <summary>
    /// Options for writing into a staging directory: the job summary is never appended there, because the command may
    /// still fail; <see cref="AppendStepSummaryAsync"/> does it after the files are committed.
    /// </summary>
    public static ReportOptions Options(OrBenchResult? baseline, IReadOnlyList<Gate>? gates) => new()
    {
        Baseline = baseline,
        Gates = gates is { Count: > 0 } ? gates : null,
        WriteResultFiles = false,
        AppendToStepSummary = false,
        StepSummaryPath = null,
    };

    /// <summary>
    /// Appends report.md to the GitHub Actions job summary when <c>GITHUB_STEP_SUMMARY</c> is set. The summary is a
    /// courtesy: a path that cannot be written is a one-line warning naming the variable, and the command's exit code
    /// (a failed gate, say) is not replaced by an unrelated write error.
    /// </summary>
    public static async Task AppendStepSummaryAsync(ToolConsole console, string commandName, string markdownPath, CancellationToken cancellationToken)
    {
        var path = console.GetEnvironmentVariable(StepSummaryVariable);
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        try
        {
            var markdown = await File.ReadAllTextAsync(markdownPath, cancellationToken);
            await File.AppendAllTextAsync(console.FullPath(path), markdown + "\n", new UTF8Encoding(false), cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"{commandName}: warning: could not append the report to {StepSummaryVariable} '{path}': {e.Message.ReplaceLineEndings(" ")}");
        }
    }
}
