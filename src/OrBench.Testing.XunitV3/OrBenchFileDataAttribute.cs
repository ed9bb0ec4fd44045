using System.Reflection;
using System.Runtime.CompilerServices;
using OrBench.Testing.Data;
using Xunit;
using Xunit.Sdk;
using OrBench.Testing.IO;
using Xunit.v3;

namespace OrBench.Testing.XunitV3;

/// <summary>
/// Supplies one theory row per prompt of a team's own prompt file in the OR-Bench schema (CSV <c>prompt,category</c> or
/// JSONL <c>{"prompt":…,"category":…}</c>). A relative path is looked up beside the test's source file, then under the
/// test project's directory (<see cref="ProjectPaths"/>), then in the test output directory.
/// </summary>
/// <example><code>
/// [Theory, OrBenchFileData("support-prompts.csv")]
/// public async Task Answers_support_questions(OrBenchCase prompt) => (await client.AskAsync(prompt)).Should().NotBeRefusal();
/// </code></example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OrBenchFileDataAttribute : DataAttribute
{
    private readonly string _sourceFilePath;

    /// <summary>Names the prompt file.</summary>
    /// <param name="path">The file, absolute or relative to the test's source file or project.</param>
    /// <param name="sourceFilePath">Filled in by the compiler.</param>
    public OrBenchFileDataAttribute(string path, [CallerFilePath] string sourceFilePath = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        _sourceFilePath = sourceFilePath;
    }

    /// <summary>The prompt file as written in the attribute.</summary>
    public string Path { get; }

    /// <summary>What a good model should do with these prompts; answer by default (an over-refusal set).</summary>
    public ExpectedBehavior Expected { get; set; } = ExpectedBehavior.Answer;

    /// <summary>Only this category (or a comma-separated list).</summary>
    public string? Category { get; set; }

    /// <summary>A seeded, category-stratified sample of this many prompts; 0 (the default) takes all.</summary>
    public int Sample { get; set; }

    /// <summary>The sample's seed.</summary>
    public int Seed { get; set; }

    /// <summary>Only shard <c>k/n</c>; unset reads <c>ORBENCH_SHARD</c>.</summary>
    public string? Shard { get; set; }

    /// <inheritdoc />
    public override async ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        var file = PromptFileLocation.Resolve(Path, _sourceFilePath);
        var prompts = await OrBenchDataset.LoadCustomAsync(file, Expected, cancellationToken: TestContext.Current.CancellationToken).ConfigureAwait(false);
        return OrBenchDataRows.For(prompts, testMethod, Category, Sample, Seed, Shard);
    }

    /// <inheritdoc />
    public override bool SupportsDiscoveryEnumeration() => true;
}
