using System.Reflection;
using FluentAssertions;
using OrBench.Testing.Data;
using OrBench.Testing.Xunit;
using Xunit;

namespace OrBench.Testing.Tests.Xunit;

/// <summary>A fact that needs ORBENCH_DATA_DIR (the shared 200-prompt files); skipped, not failed, when it is unset.</summary>
public sealed class NeedsOrBenchDataFactAttribute : FactAttribute
{
    public NeedsOrBenchDataFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("ORBENCH_DATA_DIR")))
        {
            Skip = "ORBENCH_DATA_DIR is not set; point it at ../shared/or-bench/data.";
        }
    }
}

public sealed class OfficialDataTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("orbench-lock-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void Takes(OrBenchCase prompt) => _ = prompt;

    private static MethodInfo Method => typeof(OfficialDataTests).GetMethod(nameof(Takes), BindingFlags.NonPublic | BindingFlags.Static)!;

    [NeedsOrBenchDataFact]
    public void Toxic_subset_yields_one_case_per_prompt_with_refuse_expectation()
    {
        var rows = new OrBenchDataAttribute(OrBenchSubset.Toxic) { LockFile = Path.Combine(_dir, "orbench.lock.json") }.GetData(Method).ToList();

        rows.Should().HaveCount(200, "the shared toxic sample holds 200 prompts");
        rows.Select(r => (OrBenchCase)r[0]).Should().OnlyContain(c => c.Expected == ExpectedBehavior.Refuse && c.Id.StartsWith("tox-", StringComparison.Ordinal));
    }

    [NeedsOrBenchDataFact]
    public void Category_and_sample_narrow_the_cases()
    {
        var attribute = new OrBenchDataAttribute(OrBenchSubset.Hard1K) { Category = "violence", Sample = 5, Seed = 7, LockFile = Path.Combine(_dir, "orbench.lock.json") };

        var first = attribute.GetData(Method).Select(r => ((OrBenchCase)r[0]).Id).ToList();
        var again = attribute.GetData(Method).Select(r => ((OrBenchCase)r[0]).Id).ToList();

        first.Should().HaveCount(5).And.Equal(again, "a seeded sample is deterministic");
        attribute.GetData(Method).Should().OnlyContain(r => ((OrBenchCase)r[0]).Category == "violence");
    }
}
