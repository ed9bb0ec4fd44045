using OrBench.Testing.Gates;
using OrBench.Testing.Results;
using OrBench.Testing.Running;

namespace OrBench.Testing.Reporting;

/// <summary>Counts and costs of one (merged) result, for the run section of a report.</summary>
internal sealed record RunTotals(int Records, int Errors, int Undecided, long InputTokens, long OutputTokens, double WallSeconds, double MeanLatencyMs, IReadOnlyList<string> Classifiers)
{
    /// <summary>False when no record carries a token count (the server reports no usage): "0" would read as free.</summary>
    public bool TokensReported { get; init; }

    public static RunTotals Of(OrBenchResult result) => new(
        result.Records.Count,
        result.Records.Count(r => r.Outcome == OutcomeKind.Error),
        result.UndecidedCount(),
        result.Records.Sum(r => r.InputTokens ?? 0),
        result.Records.Sum(r => r.OutputTokens ?? 0),
        result.WallSeconds,
        result.Records.Count == 0 ? 0 : result.Records.Average(r => r.LatencyMs),
        result.Records.Select(r => r.Classifier).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList())
    {
        TokensReported = result.Records.Any(r => r.InputTokens is not null || r.OutputTokens is not null),
    };
}
