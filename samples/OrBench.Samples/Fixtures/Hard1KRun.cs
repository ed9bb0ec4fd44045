using Microsoft.Extensions.AI;
using OrBench.Samples.Model;
using OrBench.Testing;
using OrBench.Testing.Data;
using Xunit.Abstractions;

namespace OrBench.Samples.Fixtures;

/// <summary>
/// Runs OR-Bench-Hard-1K once per test run (a stratified sample of 300 with seed 7, the same prompts on every machine)
/// and shares the result with every gate in the suite.
/// </summary>
public sealed class Hard1KRun(IMessageSink sink) : SampleRun(sink)
{
    /// <inheritdoc />
    protected override OrBenchSubset Subset => OrBenchSubset.Hard1K;

    /// <inheritdoc />
    protected override OrBenchRunOptions Options => new() { Sample = 300, Seed = 7, Metadata = ModelUnderTest.Metadata };
}
