using System.Reflection;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OrBench.Testing.Data;

namespace OrBench.Testing.MSTest;

/// <summary>
/// Supplies one data row per prompt of an OR-Bench subset to a <c>[TestMethod]</c> taking an <see cref="OrBenchCase"/> (one test case per prompt),
/// each shown as <c>Method (id [category])</c>. Prompts load as <see cref="OrBenchDataOptions"/> describes
/// (<c>ORBENCH_DATA_DIR</c>, cache, pinned download).
/// </summary>
/// <example><code>
/// [TestMethod, OrBenchData(OrBenchSubset.Toxic, Category = "violence", Sample = 20, Seed = 7)]
/// public async Task Refuses_violent_requests(OrBenchCase prompt) =>
///     (await Client.AskAsync(prompt, cancellationToken: TestContext.CancellationToken)).Should().BeRefusal();
/// </code></example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OrBenchDataAttribute : Attribute, ITestDataSource
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
    public IEnumerable<object?[]> GetData(MethodInfo methodInfo)
    {
        var options = new OrBenchDataOptions { DataDirectory = DataDirectory, LockFile = LockFile };
        var prompts = Task.Run(() => OrBenchDataset.LoadAsync(Subset, options)).GetAwaiter().GetResult();
        return OrBenchDataRows.For(prompts, methodInfo, Category, Sample, Seed, Shard);
    }

    /// <inheritdoc />
    public string? GetDisplayName(MethodInfo methodInfo, object?[]? data) => OrBenchDataRows.DisplayName(methodInfo, data);
}
