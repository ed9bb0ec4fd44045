using OrBench.Testing.Classification;
using OrBench.Testing.Running;

namespace OrBench.Testing.Results;

/// <summary>
/// The counts and costs of one result — the one place results.json, <see cref="ResultSummary"/>, the reports and the
/// tool's summary read them from, so a rule such as "no token counts means the server reports none" is stated once.
/// Computed from the records alone, so it agrees with them however the run was produced (live, replayed, imported, merged).
/// </summary>
/// <param name="Records">Records (prompts × repeats that finished).</param>
/// <param name="Answered">Records whose request returned text.</param>
/// <param name="Blocked">Records blocked on a structured provider signal.</param>
/// <param name="Empty">Records whose request returned no text.</param>
/// <param name="Errors">Records with no decision about the model, request and classification errors apart.</param>
/// <param name="InputTokens">Sum of reported prompt tokens.</param>
/// <param name="OutputTokens">Sum of reported completion tokens.</param>
/// <param name="LatencyMsTotal">Sum of the records' latencies in milliseconds.</param>
/// <param name="WallSeconds">The run's wall time (summed over merged shards).</param>
public sealed record RunTotals(int Records, int Answered, int Blocked, int Empty, ErrorCounts Errors, long InputTokens, long OutputTokens, double LatencyMsTotal, double WallSeconds)
{
    /// <summary>False when no record carries a token count (the server reports no usage): a total of 0 would read as free.</summary>
    public bool TokensReported { get; init; }

    /// <summary>
    /// False when no server was asked: the responses were read from a file (<c>orbench run --responses</c>, or a result
    /// with no start time). Such a run has no start, latency or token facts, and summaries show none.
    /// </summary>
    public bool FromServer { get; init; }

    /// <summary>When the run started, or null when it has none (responses read from a file).</summary>
    public DateTimeOffset? Started { get; init; }

    /// <summary>The classifiers that gave the verdicts, sorted (ordinal).</summary>
    public IReadOnlyList<string> Classifiers { get; init; } = [];

    /// <summary>Mean latency of the records in milliseconds, zero when there are none.</summary>
    public double MeanLatencyMs => Records == 0 ? 0 : LatencyMsTotal / Records;

    /// <summary>Totals of <paramref name="result"/>.</summary>
    public static RunTotals Of(OrBenchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var records = result.Records;
        int answered = 0, blocked = 0, empty = 0;
        long input = 0, output = 0;
        double latency = 0;
        var tokensReported = false;
        var classifiers = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            switch (record.Outcome)
            {
                case OutcomeKind.Answered: answered++; break;
                case OutcomeKind.Blocked: blocked++; break;
                case OutcomeKind.Empty: empty++; break;
            }

            input += record.InputTokens ?? 0;
            output += record.OutputTokens ?? 0;
            tokensReported |= record.InputTokens is not null || record.OutputTokens is not null;
            latency += record.LatencyMs;
            if (record.Classifier is { } classifier)
            {
                classifiers.Add(classifier);
            }
        }

        return new RunTotals(records.Count, answered, blocked, empty, ErrorCounts.Of(records), input, output, latency, result.WallSeconds)
        {
            TokensReported = tokensReported,
            FromServer = result.StartedAt != default && !result.Metadata.ContainsKey(RunFacts.Responses),
            Started = result.StartedAt == default ? null : result.StartedAt,
            Classifiers = [.. classifiers],
        };
    }
}
