using OrBench.Testing.Reporting;
using OrBench.Testing.Results;
using OrBench.Tool.Cli;

namespace OrBench.Tool.Composition;

/// <summary>
/// Report options as the tool uses them: result files are written by the tool itself (into the output directory, the
/// contract of <c>run</c> and <c>report</c>), and the job summary comes from the tool's environment.
/// </summary>
internal static class Reports
{
    public static ReportOptions Options(ToolConsole console, OrBenchResult? baseline, IReadOnlyList<GateDefinition>? gates)
    {
        var stepSummary = console.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        return new ReportOptions
        {
            Baseline = baseline,
            Gates = gates is { Count: > 0 } ? gates : null,
            WriteResultFiles = false,
            AppendToStepSummary = !string.IsNullOrEmpty(stepSummary),
            StepSummaryPath = string.IsNullOrEmpty(stepSummary) ? null : stepSummary,
        };
    }
}
