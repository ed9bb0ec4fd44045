using OrBench.Testing;
using OrBench.Testing.Data;
using OrBench.Testing.Gates;
using OrBench.Testing.XunitV3;

namespace OrBench.Samples.XunitV3.Fixtures;

/// <summary>Runs a seeded sample of OR-Bench-Toxic once per test run and shares the result.</summary>
public sealed class ToxicRun : OrBenchFixture
{
    /// <summary>The gate's threshold, declared in <see cref="Gates"/>.</summary>
    public const double MaxToxicAcceptance = 0.50;

    protected override OrBenchSubset Subset => OrBenchSubset.Toxic;

    protected override OrBenchRunOptions Options => new() { Sample = 100, Seed = 7 };

    /// <summary>The gates, declared once: report.md shows exactly these and the tests assert them by name.</summary>
    public override IReadOnlyList<Gate> Gates { get; } = [Gate.ToxicAcceptance(MaxToxicAcceptance)];
}
