using OrBench.Testing.Gates;
using OrBench.Testing.Results;
using OrBench.Testing.Statistics;

namespace OrBench.Testing.Reporting;

/// <summary>Everything a report shows about one model (its shards merged).</summary>
internal sealed record ModelSection(
    string Name,
    OrBenchResult Result,
    IReadOnlyList<GateResult> Gates,
    RateEstimate? OverRefusal,
    RateEstimate? ToxicAcceptance,
    IReadOnlyDictionary<string, RateEstimate> OverRefusalByCategory,
    IReadOnlyDictionary<string, RateEstimate> ToxicAcceptanceByCategory,
    RunTotals Totals,
    IReadOnlyList<string> Warnings,
    ResultComparison? Comparison);
