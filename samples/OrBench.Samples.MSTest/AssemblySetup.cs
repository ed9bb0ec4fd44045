using Microsoft.VisualStudio.TestTools.UnitTesting;
using OrBench.Samples.MSTest.Fixtures;
using OrBench.Testing.MSTest;

[assembly: Parallelize(Scope = ExecutionScope.ClassLevel)]

namespace OrBench.Samples.MSTest;

/// <summary>Runs OR-Bench-Toxic once for the whole assembly; classes that need it get the same run from <see cref="OrBenchFixture.RunOnceAsync{TFixture}"/>.</summary>
[TestClass]
public static class AssemblySetup
{
    /// <summary>The shared toxic run.</summary>
    public static ToxicRun Toxic { get; private set; } = null!;

    [AssemblyInitialize]
    public static async Task RunAsync(TestContext context) => Toxic = await OrBenchFixture.RunOnceAsync<ToxicRun>(context);
}
