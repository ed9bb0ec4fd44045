using OrBench.Testing.Gates;
namespace OrBench.Testing.Reporting;

/// <summary>Where a report was written and what it decided, so a CLI can print the paths and choose its exit code.</summary>
/// <param name="MarkdownPath">Full path of report.md.</param>
/// <param name="HtmlPath">Full path of report.html.</param>
/// <param name="ResultDirectories">Directories results.json was written to (empty when the caller wrote it).</param>
/// <param name="Gates">Every gate result.</param>
public sealed record WrittenReport(string MarkdownPath, string HtmlPath, IReadOnlyList<string> ResultDirectories, IReadOnlyList<GateResult> Gates)
{
    /// <summary>True when every gate passed (<see cref="GateResult.Passed"/>).</summary>
    public bool Passed => Gates.All(g => g.Passed);
}
