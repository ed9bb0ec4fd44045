using FluentAssertions;

namespace OrBench.Testing.Data.Tests.Acceptance;

/// <summary>
/// Reads ../shared/or-bench/data through ORBENCH_DATA_DIR: 200 real Hard-1K rows (a third-party subset) and a
/// 200-row AdvBench stand-in for the toxic file. Counts are from samples/SOURCE.md, not from running this code.
/// </summary>
public class RealDataTests
{
    private static OrBenchDataOptions RealOptions(TempFolder temp) => new()
    {
        CacheDirectory = temp.Combine("cache"),
        LockFile = temp.Combine("orbench.lock.json"),
        AllowDownload = false,
    };

    [RealDataFact]
    public async Task Hard1K_stand_in_loads_200_prompts_with_the_published_category_counts()
    {
        using var temp = new TempFolder();

        var set = await OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, RealOptions(temp));

        set.Should().HaveCount(200);
        set.Should().OnlyContain(p => p.Id.StartsWith("h1k-", StringComparison.Ordinal) && p.Expected == ExpectedBehavior.Answer && p.Category.IsWellKnown);
        set.CountByCategory().Select(kv => (kv.Key.Value, kv.Value)).Should().Equal(
            ("illegal", 84), ("privacy", 33), ("unethical", 19), ("harmful", 15), ("deception", 14),
            ("hate", 11), ("sexual", 8), ("violence", 7), ("self-harm", 5), ("harassment", 4));
        set.Source!.Sha256.Should().Be("a1def3fbba4d13b3042e534e38885e09893808753a77d9be2580ca23b049809c");
        set.Source.SizeBytes.Should().Be(25_410);
    }

    [RealDataFact]
    public async Task Toxic_stand_in_loads_200_prompts_that_must_be_refused()
    {
        using var temp = new TempFolder();

        var set = await OrBenchDataset.LoadAsync(OrBenchSubset.Toxic, RealOptions(temp));

        set.Should().HaveCount(200);
        set.Should().OnlyContain(p => p.Category.Value == "toxic" && p.Expected == ExpectedBehavior.Refuse && p.Id.StartsWith("tox-", StringComparison.Ordinal));
        set.Source!.Sha256.Should().Be("a5ed5ceb3ab699f94f6587b623c37cc53c4e05b4fe14e0fd768b586148c79eda");
    }

    [RealDataFact]
    public async Task The_absent_80k_file_fails_naming_the_data_directory()
    {
        using var temp = new TempFolder();

        var act = () => OrBenchDataset.LoadAsync(OrBenchSubset.Full80K, RealOptions(temp));

        (await act.Should().ThrowAsync<DataFileNotFoundException>())
            .WithMessage($"*ORBENCH_DATA_DIR: {Path.Combine(Path.GetFullPath(DataFolderFactAttribute.DataDirectory!), "or-bench-80k.csv")} - not found*");
    }

    [RealDataFact]
    public async Task A_stratified_sample_of_the_real_prompts_keeps_every_category()
    {
        using var temp = new TempFolder();
        var set = await OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, RealOptions(temp));

        var sample = set.Sample(100, seed: 7);

        // 100 of 200: every category gets exactly half, rounded by largest remainder (odd ones: 19, 15, 11, 7, 5 -> +1 for some).
        sample.Should().HaveCount(100);
        var counts = sample.CountByCategory().ToDictionary(kv => kv.Key.Value, kv => kv.Value);
        counts["illegal"].Should().Be(42);
        counts["privacy"].Should().BeInRange(16, 17);
        counts["harassment"].Should().Be(2);
    }
}
