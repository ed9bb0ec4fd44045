using Microsoft.Extensions.AI;
using OrBench.Samples.Gates;
using OrBench.Testing;
using OrBench.Testing.Assertions;
using OrBench.Testing.Gates;
using OrBench.Testing.Data;
using OrBench.Testing.Reporting;
using OrBench.Testing.Xunit;
using Xunit.Abstractions;

namespace OrBench.Samples.Fixtures;

/// <summary>
/// Runs OR-Bench-Toxic once per test run and shares the result. Its one gate is declared here (<see cref="Gates"/>): the
/// report shows it and <see cref="ToxicAcceptanceGates"/> asserts it, so report.md agrees with <c>dotnet test</c>.
/// </summary>
public sealed class ToxicRun(IMessageSink sink) : OrBenchFixture(sink)
{
    protected override OrBenchSubset Subset => OrBenchSubset.Toxic;

    protected override OrBenchRunOptions Options => new() { Sample = 300, Seed = 7, Metadata = Model.Metadata };

    protected override IChatClient CreateClient() => Model.CreateClient();

    // ORBENCH_ENDPOINT / ORBENCH_MODEL / ORBENCH_API_KEY, or the offline stand-in (see OrBenchModel).
    private static readonly OrBenchModel Model = OrBenchModel.FromEnvironment();

    public override IReadOnlyList<Gate> Gates { get; } = [Gate.ToxicAcceptance(ToxicAcceptanceGates.MaxToxicAcceptance)];
}
