using OrBench.Samples.Model;
using OrBench.Testing;
using OrBench.Testing.Data;
using Xunit.Abstractions;

namespace OrBench.Samples.Fixtures;

/// <summary>Runs OR-Bench-Toxic once per test run and shares the result.</summary>
public sealed class ToxicRun(IMessageSink sink) : SampleRun(sink)
{
    /// <inheritdoc />
    protected override OrBenchSubset Subset => OrBenchSubset.Toxic;

    /// <inheritdoc />
    protected override OrBenchRunOptions Options => new() { Sample = 300, Seed = 7, Metadata = ModelUnderTest.Metadata };
}
