using Microsoft.Extensions.AI;
using OrBench.Samples.Model;
using OrBench.Testing;
using OrBench.Testing.Data;
using OrBench.Testing.Xunit;
using Xunit.Abstractions;

namespace OrBench.Samples.Fixtures;

/// <summary>Runs OR-Bench-Toxic once per test run and shares the result.</summary>
public sealed class ToxicRun(IMessageSink sink) : OrBenchFixture(sink)
{
    protected override OrBenchSubset Subset => OrBenchSubset.Toxic;

    protected override OrBenchRunOptions Options => new() { Sample = 300, Seed = 7, Metadata = ModelUnderTest.Metadata };

    protected override IChatClient CreateClient() => ModelUnderTest.CreateClient();
}
