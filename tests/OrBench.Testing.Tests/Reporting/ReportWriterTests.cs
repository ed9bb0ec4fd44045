using FluentAssertions;
using OrBench.Testing.Gates;
using OrBench.Testing.Reporting;
using OrBench.Testing.Results;
using Xunit;

namespace OrBench.Testing.Tests.Reporting;

public sealed class ReportWriterTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("orbench-report-writer-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Writes_both_reports_without_leaving_temp_files_and_appends_the_job_summary()
    {
        var summary = Path.Combine(_directory.FullName, "step-summary.md");
        await File.WriteAllTextAsync(summary, "earlier step\n");
        var output = Path.Combine(_directory.FullName, "out");
        var result = new ResultBuilder().Benign("illegal", 20, 2).Build();

        var written = await ReportWriter.WriteAsync([result], output, new ReportOptions { WriteResultFiles = false, StepSummaryPath = summary });

        Directory.GetFiles(output).Select(Path.GetFileName).Should().BeEquivalentTo("report.md", "report.html");
        written.MarkdownPath.Should().Be(Path.Combine(output, "report.md"));
        var markdown = await File.ReadAllTextAsync(written.MarkdownPath);
        (await File.ReadAllTextAsync(summary)).Should().Be("earlier step\n" + markdown + "\n");
        (await File.ReadAllTextAsync(written.HtmlPath)).Should().StartWith("<!DOCTYPE html>");
        written.Passed.Should().BeTrue();
    }

    // Before: a bare DirectoryNotFoundException ("Could not find a part of the path …") failed every gate of a fixture.
    [Fact]
    public async Task An_unwritable_job_summary_is_an_error_naming_the_setting_after_the_reports_are_written()
    {
        var output = Path.Combine(_directory.FullName, "out");
        var summary = Path.Combine(_directory.FullName, "no-such-dir", "summary.md");
        var result = new ResultBuilder().Benign("illegal", 20, 2).Build();

        var act = () => ReportWriter.WriteAsync([result], output, new ReportOptions { WriteResultFiles = false, StepSummaryPath = summary });

        (await act.Should().ThrowAsync<IOException>())
            .WithMessage($"Could not append report.md to the job summary ReportOptions.StepSummaryPath={summary}:*written to {output}*")
            .WithInnerException<DirectoryNotFoundException>();
        File.Exists(Path.Combine(output, "report.md")).Should().BeTrue();
    }

    [Fact]
    public async Task Overwrites_an_earlier_report_in_place()
    {
        var output = _directory.FullName;
        await ReportWriter.WriteAsync([new ResultBuilder("first").Benign("illegal", 5, 0).Build()], output, new ReportOptions { WriteResultFiles = false, AppendToStepSummary = false });

        var written = await ReportWriter.WriteAsync([new ResultBuilder("second").Benign("illegal", 5, 0).Build()], output, new ReportOptions { WriteResultFiles = false, AppendToStepSummary = false });

        (await File.ReadAllTextAsync(written.MarkdownPath)).Should().Contain("**Model** second").And.NotContain("first");
        Directory.GetFiles(output, "*.tmp").Should().BeEmpty();
    }

    [Fact]
    public async Task Overlapping_shards_fail_before_anything_is_written()
    {
        var shard = new ResultBuilder().Benign("illegal", 3, 0).Build();
        var output = Path.Combine(_directory.FullName, "never");

        var act = () => ReportWriter.WriteAsync([shard, shard], output, new ReportOptions { WriteResultFiles = false, AppendToStepSummary = false });

        await act.Should().ThrowAsync<ResultMergeException>().WithMessage("*hard-illegal-0000*");
        Directory.Exists(output).Should().BeFalse();
    }
}
