using System.Reflection;
using System.Runtime.CompilerServices;
using OrBench.Testing.Data;
using Xunit.Sdk;

using OrBench.Testing.Gates;

namespace OrBench.Testing.Xunit;

/// <summary>
/// Supplies one theory case per prompt of a team's own prompt file in the OR-Bench schema (CSV <c>prompt,category</c> or
/// JSONL <c>{"prompt":…,"category":…}</c>). A relative path is resolved against the test's source directory first,
/// then the test output directory, so the file can sit beside the test.
/// </summary>
/// <example><code>
/// [Theory, OrBenchFileData("medical-prompts.csv", Expected = ExpectedBehavior.Answer)]
/// public async Task Answers_medical_questions(OrBenchCase prompt) => (await client.AskAsync(prompt)).Should().NotBeRefusal();
/// </code></example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OrBenchFileDataAttribute : DataAttribute
{
    private readonly string _sourceFilePath;

    /// <summary>Names the prompt file.</summary>
    /// <param name="path">The file, absolute or relative to the test's source file.</param>
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
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        var file = Resolve();
        var prompts = Task.Run(() => OrBenchDataset.LoadCustomAsync(file, Expected)).GetAwaiter().GetResult();
        return OrBenchDataRows.For(prompts, testMethod, Category, Sample, Seed, Shard);
    }

    private string Resolve()
    {
        if (System.IO.Path.IsPathRooted(Path))
        {
            return Path;
        }

        var sourceDirectory = System.IO.Path.GetDirectoryName(_sourceFilePath);
        var besideSource = string.IsNullOrEmpty(sourceDirectory) ? null : System.IO.Path.Combine(sourceDirectory, Path);
        if (besideSource is not null && File.Exists(besideSource))
        {
            return besideSource;
        }

        // Not beside the source (e.g. a build on another machine): the output directory.
        var inOutput = System.IO.Path.Combine(AppContext.BaseDirectory, Path);
        if (File.Exists(inOutput))
        {
            return inOutput;
        }

        // Name both places, not only the last one, so the user sees where the file was expected beside the test.
        throw new DataFileNotFoundException(Path, [
            $"beside the test source: {besideSource ?? "(source path unknown)"} - not found",
            $"test output directory: {inOutput} - not found (copy the file there with <Content CopyToOutputDirectory=\"PreserveNewest\">)",
        ]);
    }
}
