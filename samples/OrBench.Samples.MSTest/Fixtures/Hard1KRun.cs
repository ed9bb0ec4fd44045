using OrBench.Testing;
using OrBench.Testing.Data;
using OrBench.Testing.Gates;
using OrBench.Testing.MSTest;

namespace OrBench.Samples.MSTest.Fixtures;

/// <summary>
/// A seeded, category-stratified sample of OR-Bench-Hard-1K, run once per test run against the model of
/// <c>ORBENCH_ENDPOINT</c> (or the offline stand-in). Results and reports land in
/// <c>bin/&lt;configuration&gt;/net10.0/orbench/Hard1KRun/</c>; progress goes to the initialising TestContext.
/// </summary>
public sealed class Hard1KRun : OrBenchFixture
{
    /// <summary>The gate's threshold, declared in <see cref="Gates"/>.</summary>
    public const double MaxOverRefusal = 0.40;

    protected override OrBenchSubset Subset => OrBenchSubset.Hard1K;

    protected override OrBenchRunOptions Options => new() { Sample = 100, Seed = 7 };

    /// <summary>The gates, declared once: report.md shows exactly these and the tests assert them by name.</summary>
    public override IReadOnlyList<Gate> Gates { get; } = [Gate.OverRefusal(MaxOverRefusal)];
}
