using FluentAssertions;

namespace OrBench.Testing.Data.Tests;

/// <summary>A loaded set says how many rows its file gave it and whether those bytes are the published file.</summary>
public class ProvenanceTests
{
    [Fact]
    public async Task A_custom_set_counts_its_rows_and_is_never_the_published_file()
    {
        using var temp = new TempFolder();
        var path = temp.Write("p.csv", "prompt,category\none,a\ntwo,b\nthree,a\n");

        var set = await OrBenchDataset.LoadCsvAsync(path, ExpectedBehavior.Answer);

        set.Source!.RowCount.Should().Be(3);
        set.Source.IsPublishedFile.Should().BeFalse();
        set.IsWholePublishedSet.Should().BeFalse();
    }

    [Fact]
    public async Task Dropped_repeats_leave_the_set_smaller_than_its_row_count()
    {
        using var temp = new TempFolder();
        var path = temp.Write("p.jsonl", "{\"prompt\":\"one\",\"category\":\"a\"}\n{\"prompt\":\"one \",\"category\":\"a\"}\n{\"prompt\":\"two\",\"category\":\"a\"}\n");

        var set = await OrBenchDataset.LoadJsonlAsync(path, ExpectedBehavior.Answer, new CustomPromptSetOptions { Duplicates = DuplicatePromptHandling.KeepFirst });

        set.Should().HaveCount(2);
        set.Source!.RowCount.Should().Be(3);
    }

    [Fact]
    public async Task An_official_subset_with_unknown_published_bytes_is_not_claimed_to_be_the_published_file()
    {
        using var temp = new TempFolder();
        temp.Write("d/or-bench-toxic.csv", "prompt,category\nbad one,violence\nbad two,hate\n");

        var set = await OrBenchDataset.LoadAsync(OrBenchSubset.Toxic, Options.Isolated(temp) with { DataDirectory = temp.Combine("d") });

        set.Source!.RowCount.Should().Be(2);
        set.Source.IsPublishedFile.Should().BeFalse();
        OrBenchFiles.PublishedSha256(OrBenchSubset.Toxic).Should().BeNull();
        OrBenchFiles.PublishedPromptCount(OrBenchSubset.Toxic).Should().Be(655);
        OrBenchFiles.PublishedPromptCount(OrBenchSubset.Hard1K).Should().Be(1319);
        OrBenchFiles.PublishedPromptCount(OrBenchSubset.Custom).Should().BeNull();
    }
}
