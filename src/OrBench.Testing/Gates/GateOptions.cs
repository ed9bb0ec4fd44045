using OrBench.Testing.Results;

namespace OrBench.Testing.Gates;

/// <summary>How rate gates decide. Pass one per call, or set it once on an assertion chain (<c>result.Should().Using(options)</c>).</summary>
public sealed record GateOptions
{
    /// <summary>When a gate fails; <see cref="GatePolicy.IntervalAboveThreshold"/> by default.</summary>
    public GatePolicy Policy { get; init; } = GatePolicy.IntervalAboveThreshold;

    /// <summary>Confidence level of the Wilson interval; 0.95 by default.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>How errored or unreadable records count; by default against the model, so a broken endpoint cannot pass.</summary>
    public ErrorPolicy Errors { get; init; } = ErrorPolicy.CountAgainst;

    /// <summary>How many offending prompts per category a failure message lists.</summary>
    public int WorstPromptsPerCategory { get; init; } = 3;

    /// <summary>The defaults.</summary>
    public static GateOptions Default { get; } = new();
}
