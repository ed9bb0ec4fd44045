using OrBench.Testing.Gates;
using OrBench.Testing.Results;

namespace OrBench.Testing.Reporting;

/// <summary>Both reports rendered in memory, with the gate decisions they show.</summary>
/// <param name="Markdown">The content of report.md.</param>
/// <param name="Html">The content of report.html.</param>
/// <param name="Gates">Every gate result, per model in model order.</param>
/// <param name="Results">One merged result per model, in model order.</param>
public sealed record RenderedReport(string Markdown, string Html, IReadOnlyList<GateResult> Gates, IReadOnlyList<OrBenchResult> Results)
{
    /// <summary>True when every gate passed (<see cref="GateResult.Passed"/>: failed, undecided and inconclusive-failing gates do not).</summary>
    public bool Passed => Gates.All(g => g.Passed);
}
