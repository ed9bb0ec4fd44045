using OrBench.Testing.Results;

namespace OrBench.Testing.Reporting;

/// <summary>How a report's run section shows the core's <see cref="RunTotals"/>: null where a fact does not exist.</summary>
internal static class RunTotalsText
{
    /// <summary>"Started" text for the header, or null when there is no start to show.</summary>
    public static string? StartedText(this RunTotals totals) => totals.Started?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", ReportFormat.Invariant);

    /// <summary>Token counts as shown: numbers, "not reported" for a server that sent no usage, null when no server was asked.</summary>
    public static (string Input, string Output)? TokensText(this RunTotals totals) => totals.TokensReported
        ? (ReportFormat.Number(totals.InputTokens), ReportFormat.Number(totals.OutputTokens))
        : totals.FromServer ? ("not reported", "not reported") : null;

    /// <summary>Mean latency as shown, or null when no server was asked.</summary>
    public static string? LatencyText(this RunTotals totals) => totals.FromServer ? totals.MeanLatencyMs.ToString("0", ReportFormat.Invariant) + " ms" : null;

    /// <summary>Wall time as shown, or null when the run has none (responses read from a file).</summary>
    public static string? WallText(this RunTotals totals) => totals.FromServer || totals.WallSeconds > 0 ? ReportFormat.Seconds(totals.WallSeconds) : null;
}
