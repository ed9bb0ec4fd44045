using FluentAssertions;
using OrBench.Testing.Data;
using OrBench.Testing.Reporting;
using OrBench.Testing.Results;
using Xunit;

namespace OrBench.Testing.Tests.Reporting;

/// <summary>
/// A report shows the data file's row count and SHA-256 when the result carries them, and says "all 1,319 prompts" or
/// "N of the 1,319 published prompts" only when the row count and the hash say so.
/// </summary>
public sealed class DataProvenanceTests
{
    public const string Sha = "3e817cb652ab754a377be45150f85ea4efdff509ae33c028c03b2eb2c6eddb27";
    private static readonly ReportOptions NoFiles = new() { WriteResultFiles = false, AppendToStepSummary = false };

    [Fact]
    public void The_whole_published_file_reads_all_1319_prompts_with_its_rows_and_hash()
    {
        var report = Render(Hard1K(1319, rows: 1319, published: true));

        report.Markdown.Should().Contain($"**Data** OR-Bench-Hard-1K: all 1,319 prompts (file: 1,319 rows, SHA-256 {Sha})");
        report.Markdown.Should().NotContain("[!WARNING]");
        report.Html.Should().Contain("OR-Bench-Hard-1K: all 1,319 prompts").And.Contain($"<dt>OR-Bench-Hard-1K data</dt><dd>all 1,319 prompts · file: 1,319 rows, SHA-256 {Sha}</dd>");
    }

    [Fact]
    public void A_sample_of_the_published_file_is_n_of_the_published_prompts()
    {
        var report = Render(Hard1K(150, rows: 1319, published: true));

        report.Markdown.Should().Contain("Not the full benchmark — OR-Bench-Hard-1K: 150 of the 1,319 published prompts (11%).");
        report.Markdown.Should().NotContain("all 1,319");
    }

    [Fact]
    public void A_complete_file_whose_hash_is_not_the_published_one_is_never_all_1319_prompts()
    {
        // ../shared/or-bench/full: 1,319 rows, but not the published bytes.
        var report = Render(Hard1K(1319, rows: 1319, published: false));

        report.Markdown.Should().NotContain("all 1,319").And.NotContain("published prompts (");
        report.Markdown.Should().Contain($"Not verified as the published file — OR-Bench-Hard-1K: 1,319 of the file's 1,319 rows; the file (1,319 rows, SHA-256 {Sha}) is not recorded as the published 1,319-prompt file");
        report.Markdown.Should().Contain("**Data** OR-Bench-Hard-1K: 1,319 of the file's 1,319 rows");
    }

    [Fact]
    public void A_local_200_row_file_is_counted_against_its_own_rows_not_the_published_set()
    {
        var report = Render(Hard1K(150, rows: 200, published: false));

        report.Markdown.Should().Contain("150 of the file's 200 rows").And.NotContain("of the 1,319 published prompts");
    }

    [Fact]
    public void A_published_flag_beside_the_wrong_row_count_claims_nothing()
    {
        var report = Render(Hard1K(200, rows: 200, published: true));

        report.Markdown.Should().NotContain("all 200").And.NotContain("published prompts (").And.Contain("200 of the file's 200 rows");
    }

    [Fact]
    public void Shards_that_read_different_files_are_named_as_mixed_data()
    {
        var one = new ResultBuilder().Benign("illegal", 10, 1, idPrefix: "a").Meta("shard", "1/2").Meta(DataCoverage.RowCountKey, "20").Meta(DataCoverage.Sha256Key, Sha).Build();
        var two = new ResultBuilder().Benign("illegal", 10, 1, idPrefix: "b").Meta("shard", "2/2").Meta(DataCoverage.RowCountKey, "20").Meta(DataCoverage.Sha256Key, new string('b', 64)).Build();

        var report = ReportWriter.Render([one, two], NoFiles);

        report.Markdown.Should().Contain("Mixed data — OR-Bench-Hard-1K: the merged parts record different dataFileSha256; they did not all read the same file.");
    }

    [Fact]
    public void The_whole_built_in_xstest_safe_set_is_all_250_prompts_and_its_types_are_not_foreign_categories()
    {
        var result = new ResultBuilder(prompts: "xstest-safe", subset: OrBenchSubset.XSTestSafe)
            .Benign("homonyms", 125, 2).Benign("safe_contexts", 125, 3)
            .Meta(DataCoverage.RowCountKey, "250").Meta(DataCoverage.Sha256Key, Sha).Meta(DataCoverage.PublishedFileKey, "true")
            .Build();

        var report = Render(result);

        report.Markdown.Should().Contain($"**Data** XSTest safe: all 250 prompts (file: 250 rows, SHA-256 {Sha})");
        report.Markdown.Should().NotContain("[!WARNING]", "XSTest's types are its categories, not a stand-in's");
    }

    [Fact]
    public void A_run_from_a_responses_file_shows_no_start_wall_time_latency_or_tokens()
    {
        var server = new ResultBuilder().Benign("illegal", 10, 1).Build();
        var file = server with
        {
            StartedAt = default,
            WallSeconds = 0,
            Records = [.. server.Records.Select(r => r with { InputTokens = null, OutputTokens = null, LatencyMs = 0 })],
            Metadata = new Dictionary<string, string> { ["responses"] = "answers.jsonl" },
        };

        var report = Render(file);

        foreach (var text in new[] { report.Markdown, report.Html })
        {
            text.Should().NotContain("0001-01-01").And.NotContain("not reported").And.NotContain("Mean latency").And.NotContain("tokens").And.NotContain("Started").And.NotContain("started");
        }

        report.Markdown.Should().Contain("| Records | Errors | Classifier |").And.Contain("| 10 | 0 | keyword |");
        Render(server).Markdown.Should().Contain("**Started** 2026-11-27 09:30 UTC").And.Contain("| Mean latency |");
    }

    private static RenderedReport Render(OrBenchResult result) => ReportWriter.Render([result], NoFiles);

    private static OrBenchResult Hard1K(int prompts, int rows, bool published)
    {
        var builder = new ResultBuilder().Meta(DataCoverage.RowCountKey, rows.ToString(System.Globalization.CultureInfo.InvariantCulture)).Meta(DataCoverage.Sha256Key, Sha);
        if (published)
        {
            builder.Meta(DataCoverage.PublishedFileKey, "true");
        }

        // Ten paper categories, so no "categories outside the paper's ten" banner muddies the coverage lines.
        var categories = OrBenchCategory.WellKnown.ToList();
        for (var i = 0; i < categories.Count; i++)
        {
            var count = (prompts / categories.Count) + (i < prompts % categories.Count ? 1 : 0);
            builder.Benign(categories[i].Value, count, 1);
        }

        return builder.Build();
    }
}
