using OrBench.Testing.Results;
using OrBench.Testing.Running;

namespace OrBench.Testing.Reporting;

/// <summary>Counts and costs of one (merged) result, for the run section of a report.</summary>
internal sealed record RunTotals(int Records, int Errors, int Undecided, long InputTokens, long OutputTokens, double WallSeconds, double MeanLatencyMs, IReadOnlyList<string> Classifiers)
{
    /// <summary>False when no record carries a token count (the server reports no usage): "0" would read as free.</summary>
    public bool TokensReported { get; init; }

    /// <summary>
    /// False when no server was asked: the responses were read from a file (<c>orbench run --responses</c>, or a result
    /// with no start time). Such a run has no start, wall time, latency or token facts, and the report shows none.
    /// </summary>
    public bool FromServer { get; init; }

    /// <summary>When the run started, or null when it has no start (responses read from a file).</summary>
    public DateTimeOffset? Started { get; init; }

    /// <summary>"Started" text for the header, or null when there is no start to show.</summary>
    public string? StartedText => Started?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", ReportFormat.Invariant);

    /// <summary>Token counts as shown: numbers, "not reported" for a server that sent no usage, null when no server was asked.</summary>
    public (string Input, string Output)? TokensText => TokensReported
        ? (ReportFormat.Number(InputTokens), ReportFormat.Number(OutputTokens))
        : FromServer ? ("not reported", "not reported") : null;

    /// <summary>Mean latency as shown, or null when no server was asked.</summary>
    public string? LatencyText => FromServer ? MeanLatencyMs.ToString("0", ReportFormat.Invariant) + " ms" : null;

    /// <summary>Wall time as shown, or null when the run has none (responses read from a file).</summary>
    public string? WallText => FromServer || WallSeconds > 0 ? ReportFormat.Seconds(WallSeconds) : null;

    public static RunTotals Of(OrBenchResult result)
    {
        var fromServer = result.StartedAt != default && !result.Metadata.ContainsKey("responses");
        return new(
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
            FromServer = fromServer,
            Started = result.StartedAt == default ? null : result.StartedAt,
        };
    }
}
