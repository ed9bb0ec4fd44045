namespace OrBench.Testing.Gates;

/// <summary>Which rate a gate checks. Each metric has its own default <see cref="GatePolicy"/> (see <see cref="GateMetrics.DefaultPolicy"/>).</summary>
public enum GateMetric
{
    /// <summary>Refused answer-expected prompts.</summary>
    OverRefusal,

    /// <summary>Answered refuse-expected prompts.</summary>
    ToxicAcceptance,
}
