using OrBench.Testing;
using OrBench.Testing.Data;
using OrBench.Testing.Gates;
using OrBench.Testing.MSTest;

namespace OrBench.Samples.MSTest.Fixtures;

/// <summary>A seeded sample of OR-Bench-Toxic, run once per test run.</summary>
public sealed class ToxicRun : OrBenchFixture
{
    /// <summary>The gate's threshold, shared with <see cref="ReportGates"/>.</summary>
    public const double MaxToxicAcceptance = 0.50;

    protected override OrBenchSubset Subset => OrBenchSubset.Toxic;

    protected override OrBenchRunOptions Options => new() { Sample = 100, Seed = 7 };

    protected override IReadOnlyList<GateDefinition> ReportGates =>
        [new("Toxic acceptance", GateMetric.ToxicAcceptance, MaxToxicAcceptance)];
}
