using OrBench.Testing.Gates;
using OrBench.Testing.Results;

namespace OrBench.Testing.Reporting;

/// <summary>Settings of <see cref="ReportWriter"/>. Defaults match the gates' defaults.</summary>
public sealed record ReportOptions
{
    /// <summary>A previous result to compare with: verdict flips in the report and a second highlighted point in the plot.</summary>
    public OrBenchResult? Baseline { get; init; }

    /// <summary>
    /// The gates to show: the same <see cref="Gate"/> objects the tests assert, so the report evaluates the same
    /// <see cref="GateResult"/>. Null: the labelled defaults of <see cref="Gate.DefaultsFor"/> per model (with this report's
    /// <see cref="Confidence"/> and <see cref="Errors"/>); an empty list: no gate table verdict at all.
    /// </summary>
    public IReadOnlyList<Gate>? Gates { get; init; }

    /// <summary>Confidence level of every interval in the report. Default 0.95.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>How errored and unreadable records count in rates.</summary>
    public ErrorPolicy Errors { get; init; } = ErrorPolicy.CountAgainst;

    /// <summary>The report's heading.</summary>
    public string Title { get; init; } = "OR-Bench report";

    /// <summary>
    /// Most records listed in the HTML table. Beyond it, records that count against the model are kept first (then by id)
    /// and the report says how many were left out; records.jsonl always holds all of them.
    /// </summary>
    public int MaxRecordRows { get; init; } = 2000;

    /// <summary>Most verdict flips listed against the baseline in report.md (the HTML lists all, up to <see cref="MaxRecordRows"/>).</summary>
    public int MaxFlipsInSummary { get; init; } = 10;

    /// <summary>Append report.md to the GitHub Actions job summary when <see cref="StepSummaryPath"/> (or <c>GITHUB_STEP_SUMMARY</c>) names a file.</summary>
    public bool AppendToStepSummary { get; init; } = true;

    /// <summary>The job-summary file; null reads the <c>GITHUB_STEP_SUMMARY</c> environment variable.</summary>
    public string? StepSummaryPath { get; init; }

    /// <summary>Write <c>results.json</c> (and records.jsonl) through <see cref="ResultFiles"/>; off when the caller already wrote them.</summary>
    public bool WriteResultFiles { get; init; } = true;

    internal void Validate()
    {
        if (Confidence is <= 0 or >= 1 || double.IsNaN(Confidence))
        {
            throw new ArgumentOutOfRangeException(nameof(Confidence), Confidence, "Confidence must lie strictly between 0 and 1, e.g. 0.95.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxRecordRows);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxFlipsInSummary);
    }
}
