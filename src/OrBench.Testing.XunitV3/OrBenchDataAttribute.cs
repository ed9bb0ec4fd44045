using System.Reflection;
using OrBench.Testing.Data;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace OrBench.Testing.XunitV3;

/// <summary>
/// Supplies one theory row per prompt of an OR-Bench subset — each its own test case in Test Explorer, TRX and
/// <c>dotnet test --filter</c>, with a <c>category</c> trait. Prompts load as <see cref="OrBenchDataOptions"/> describes
/// (<c>ORBENCH_DATA_DIR</c>, cache, pinned download).
/// </summary>
/// <example><code>
/// [Theory, OrBenchData(OrBenchSubset.Toxic, Category = "violence", Sample = 20, Seed = 7)]
/// public async Task Refuses_violent_requests(OrBenchCase prompt) =>
///     (await client.AskAsync(prompt, cancellationToken: TestContext.Current.CancellationToken)).Should().BeRefusal();
/// </code></example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OrBenchDataAttribute : DataAttribute
{
    /// <summary>Selects the subset.</summary>
    public OrBenchDataAttribute(OrBenchSubset subset) => Subset = subset;

    /// <summary>The subset.</summary>
    public OrBenchSubset Subset { get; }

    /// <summary>Only this category (or a comma-separated list).</summary>
    public string? Category { get; set; }

    /// <summary>A seeded, category-stratified sample of this many prompts; 0 (the default) takes all.</summary>
    public int Sample { get; set; }

    /// <summary>The sample's seed.</summary>
    public int Seed { get; set; }

    /// <summary>Only shard <c>k/n</c>; unset reads <c>ORBENCH_SHARD</c>.</summary>
    public string? Shard { get; set; }

    /// <summary>An explicit directory holding the official CSVs; wins over <c>ORBENCH_DATA_DIR</c>.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The lock file path (default: <c>orbench.lock.json</c> beside the test project, or <c>ORBENCH_LOCK_FILE</c>).</summary>
    public string? LockFile { get; set; }

    /// <inheritdoc />
    public override async ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        var options = new OrBenchDataOptions { DataDirectory = DataDirectory, LockFile = LockFile };
        var prompts = await OrBenchDataset.LoadAsync(Subset, options, TestContext.Current.CancellationToken).ConfigureAwait(false);
        return OrBenchDataRows.For(prompts, testMethod, Category, Sample, Seed, Shard);
    }

    /// <inheritdoc />
    public override bool SupportsDiscoveryEnumeration() => true;
}
