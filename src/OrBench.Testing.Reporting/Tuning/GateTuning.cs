using OrBench.Testing.Gates;
using OrBench.Testing.Statistics;

namespace OrBench.Testing.Reporting.Tuning;

/// <summary>One row of a tuning report: a gate (overall or one category) of one model, and what its threshold could be.</summary>
/// <param name="Model">The model the row is about.</param>
/// <param name="Metric">The rate the gate watches.</param>
/// <param name="Category">The category, or null for all records.</param>
/// <param name="Estimate">Today's rate with its Wilson interval at the tuning confidence.</param>
/// <param name="FailingThresholds">Per policy, the threshold below which today's result fails.</param>
/// <param name="SuggestedThreshold">
/// ⌈(failing threshold under the chosen policy + margin) × 1000⌉ / 1000, capped at 1: today's result passes it with the
/// margin as headroom, and the value is a whole tenth of a percentage point.
/// </param>
/// <param name="MinimumDetectableRise">The smallest rise of the rate the current n detects (see <see cref="RegressionPower.MinimumDetectableRise"/>); null when none.</param>
/// <param name="PromptsForRise">Prompts needed to detect the chosen rise (see <see cref="RegressionPower.PromptsNeeded"/>); null when the rise would exceed 100 %.</param>
public sealed record GateTuning(
    string Model,
    GateMetric Metric,
    string? Category,
    RateEstimate Estimate,
    FailingThresholds FailingThresholds,
    double SuggestedThreshold,
    double? MinimumDetectableRise,
    int? PromptsForRise)
{
    /// <summary>The policy <see cref="SuggestedThreshold"/> is computed for (the tuning's policy, or the metric's default).</summary>
    public GatePolicy Policy { get; init; } = Metric.DefaultPolicy();

    /// <summary>A short name such as <c>over-refusal</c> or <c>toxic-acceptance/violence</c>.</summary>
    public string Gate => (Metric == GateMetric.OverRefusal ? "over-refusal" : "toxic-acceptance") + (Category is null ? string.Empty : "/" + Category);
}
