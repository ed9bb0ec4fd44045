using OrBench.Testing.Statistics;

namespace OrBench.Testing.Gates;

/// <summary>A gate evaluated against one result: the rate with its interval and the decision.</summary>
/// <param name="Gate">The gate.</param>
/// <param name="Estimate">The rate and its Wilson interval over the gate's records.</param>
/// <param name="Status">Passed, failed, or no data.</param>
public sealed record GateOutcome(GateDefinition Gate, RateEstimate Estimate, GateStatus Status);
