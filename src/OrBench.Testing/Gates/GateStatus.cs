namespace OrBench.Testing.Gates;

/// <summary>How a gate ended in a report.</summary>
public enum GateStatus
{
    /// <summary>The rate stays within the threshold under the gate's policy.</summary>
    Passed,

    /// <summary>The rate breaches the threshold under the gate's policy.</summary>
    Failed,

    /// <summary>No record fell into the gate's denominator, so nothing was decided (shown, never counted as a pass).</summary>
    NoData,
}
