using OrBench.Testing.Gates;
using OrBench.Testing.Results;

namespace OrBench.Testing.Reporting.Tuning;

/// <summary>Settings of <see cref="ThresholdTuner"/>; the defaults match the gates' defaults and <c>orbench tune</c>'s flags.</summary>
public sealed record TuningOptions
{
    /// <summary>Confidence level of the Wilson intervals (two-sided) and of the one-sided regression test. Default 0.95.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>Headroom added to the failing threshold to suggest a threshold, as a rate (0.02 = two percentage points).</summary>
    public double Margin { get; init; } = 0.02;

    /// <summary>Probability of detecting a regression for the detectable-rise and sample-size columns. Default 0.80.</summary>
    public double Power { get; init; } = 0.80;

    /// <summary>The rise of a rate the team wants to detect, for the prompts-needed column (0.03 = three percentage points).</summary>
    public double Rise { get; init; } = 0.03;

    /// <summary>
    /// The policy the suggested threshold is computed for; null (the default) uses each metric's default policy
    /// (<see cref="GateMetrics.DefaultPolicy"/>: interval for over-refusal, strict for toxic acceptance), as the gates do.
    /// </summary>
    public GatePolicy? Policy { get; init; }

    /// <summary>The policy a row of <paramref name="metric"/> is suggested for.</summary>
    public GatePolicy PolicyFor(GateMetric metric) => Policy ?? metric.DefaultPolicy();

    /// <summary>The policy in words for headers: its display name, or <c>each metric's default (over-refusal: interval, toxic acceptance: strict)</c>.</summary>
    public string PolicyText => Policy is { } policy
        ? $"'{policy.ToDisplayName()}'"
        : $"each metric's default (over-refusal: {GateMetric.OverRefusal.DefaultPolicy().ToDisplayName()}, toxic acceptance: {GateMetric.ToxicAcceptance.DefaultPolicy().ToDisplayName()})";

    /// <summary>How errored and unreadable records count, as in the gates.</summary>
    public ErrorPolicy Errors { get; init; } = ErrorPolicy.CountAgainst;

    internal void Validate()
    {
        if (Confidence is <= 0 or >= 1 || double.IsNaN(Confidence))
        {
            throw new ArgumentOutOfRangeException(nameof(Confidence), Confidence, "Confidence must lie strictly between 0 and 1, e.g. 0.95.");
        }

        if (Power is <= 0 or >= 1 || double.IsNaN(Power))
        {
            throw new ArgumentOutOfRangeException(nameof(Power), Power, "Power must lie strictly between 0 and 1, e.g. 0.80.");
        }

        if (Margin is < 0 or > 1 || double.IsNaN(Margin))
        {
            throw new ArgumentOutOfRangeException(nameof(Margin), Margin, "Margin is a rate between 0 and 1, e.g. 0.02 for two percentage points.");
        }

        if (Rise is <= 0 or > 1 || double.IsNaN(Rise))
        {
            throw new ArgumentOutOfRangeException(nameof(Rise), Rise, "Rise is a rate in (0, 1], e.g. 0.03 for three percentage points.");
        }
    }
}
