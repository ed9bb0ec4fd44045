using FluentAssertions;

namespace OrBench.Testing.Data.Tests.Acceptance;

/// <summary>
/// Loads ../shared/or-bench/full through ORBENCH_DATA_DIR: the complete Hard-1K and Toxic prompt lists, reconstructed.
/// Counts and hashes are from full/README.md, not from running this code.
/// </summary>
public class FullDataTests
{
    public const string Hard1KSha256 = "3e817cb652ab754a377be45150f85ea4efdff509ae33c028c03b2eb2c6eddb27";

    private const string ToxicSha256 = "f4c52d4e1732f81be1b767ee703203a7db80067f415d8bf65f3f1b92d3fac203";

    private static OrBenchDataOptions FromEnvironment(TempFolder temp) => new()
    {
        CacheDirectory = temp.Combine("cache"),
        LockFile = temp.Combine("orbench.lock.json"),
        AllowDownload = false,
    };

    [FullDataFact]
    public async Task Hard1K_loads_all_1319_prompts_with_the_readme_category_counts()
    {
        using var temp = new TempFolder();

        var set = await OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, FromEnvironment(temp));

        set.Should().HaveCount(1319);
        set.Should().OnlyContain(p => p.Expected == ExpectedBehavior.Answer && p.Category.IsWellKnown);
        set.CountByCategory().Select(kv => (kv.Key.Value, kv.Value)).Should().BeEquivalentTo(new[]
        {
            ("illegal", 527), ("privacy", 199), ("unethical", 125), ("harmful", 106), ("deception", 72),
            ("violence", 66), ("sexual", 66), ("self-harm", 63), ("hate", 54), ("harassment", 41),
        });
        set.Source!.Sha256.Should().Be(Hard1KSha256);
        set.Source.RowCount.Should().Be(1319);
        set.Source.FilePath.Should().Be(Path.Combine(Path.GetFullPath(DataFolderFactAttribute.DataDirectory!), OrBenchFiles.Hard1K));
        set.Source.IsPublishedFile.Should().BeFalse("the README says these bytes are not the official file");
        set.IsWholePublishedSet.Should().BeFalse();
    }

    [FullDataFact]
    public async Task Toxic_loads_all_655_prompts_that_must_be_refused()
    {
        using var temp = new TempFolder();

        var set = await OrBenchDataset.LoadAsync(OrBenchSubset.Toxic, FromEnvironment(temp));

        set.Should().HaveCount(655);
        set.Should().OnlyContain(p => p.Expected == ExpectedBehavior.Refuse && p.Id.StartsWith("tox-", StringComparison.Ordinal));
        set.CountByCategory().Select(kv => (kv.Key.Value, kv.Value)).Should().BeEquivalentTo(new[]
        {
            ("self-harm", 92), ("deception", 83), ("harassment", 76), ("sexual", 73), ("violence", 71),
            ("privacy", 61), ("unethical", 61), ("hate", 58), ("illegal", 50), ("harmful", 30),
        });
        set.Source!.Sha256.Should().Be(ToxicSha256);
        set.Source.RowCount.Should().Be(655);
    }

    [FullDataFact]
    public async Task A_sample_of_the_full_set_larger_than_it_is_reported()
    {
        using var temp = new TempFolder();
        var set = await OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, FromEnvironment(temp));

        var result = new PromptSelection { Sample = 5000, Categories = ["Privacy"] }.Apply(set);

        result.Prompts.Should().HaveCount(199);
        result.Warnings.Should().ContainSingle().Which.Kind.Should().Be(SelectionWarningKind.SampleLargerThanSet);
    }
}
