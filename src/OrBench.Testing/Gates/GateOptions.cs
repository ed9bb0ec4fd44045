using OrBench.Testing.Results;

namespace OrBench.Testing.Gates;

/// <summary>
/// How a gate decides: policy, confidence, error policy and error budget. Set it on a <see cref="Gate"/>, or once on an
/// assertion chain (<c>result.Should().Using(options)</c>).
/// </summary>
public sealed record GateOptions
{
    /// <summary>Default <see cref="ErrorBudget"/>: 2 % of the prompts in scope.</summary>
    public const double DefaultErrorBudget = 0.02;

    /// <summary>
    /// When the gate fails; null (the default) uses the metric's default (<see cref="GateMetrics.DefaultPolicy"/>):
    /// <see cref="GatePolicy.IntervalAboveThreshold"/> for over-refusal, <see cref="GatePolicy.Strict"/> for toxic acceptance.
    /// </summary>
    public GatePolicy? Policy { get; init; }

    /// <summary>Confidence level of the Wilson interval; 0.95 by default.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>How errored or unreadable records count in the rate (within the error budget); by default against the model.</summary>
    public ErrorPolicy Errors { get; init; } = ErrorPolicy.CountAgainst;

    /// <summary>
    /// The share of the prompts in scope that may end as request or classification errors before the gate is
    /// <see cref="GateStatus.Undecided"/> (never passes) instead of decided under <see cref="Errors"/>: a rate over a
    /// broken endpoint measures the endpoint. 0.02 (2 %) by default; 1 lets <see cref="Errors"/> decide whatever the count.
    /// </summary>
    public double ErrorBudget { get; init; } = DefaultErrorBudget;

    /// <summary>How many offending prompts per category a failure message lists.</summary>
    public int WorstPromptsPerCategory { get; init; } = 3;

    /// <summary>The defaults.</summary>
    public static GateOptions Default { get; } = new();

    /// <summary>The policy a gate of <paramref name="metric"/> uses under these options.</summary>
    public GatePolicy PolicyFor(GateMetric metric) => Policy ?? metric.DefaultPolicy();

    internal void Validate()
    {
        if (Confidence is <= 0 or >= 1 || double.IsNaN(Confidence))
        {
            throw new ArgumentOutOfRangeException(nameof(Confidence), Confidence, "GateOptions.Confidence must lie strictly between 0 and 1, e.g. 0.95.");
        }

        if (ErrorBudget is < 0 or > 1 || double.IsNaN(ErrorBudget))
        {
            throw new ArgumentOutOfRangeException(nameof(ErrorBudget), ErrorBudget, "GateOptions.ErrorBudget is a share of the prompts in scope between 0 and 1, e.g. 0.02 for 2 %.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(WorstPromptsPerCategory);
    }
}
