using System.Text.RegularExpressions;
using FluentAssertions;
using OrBench.Testing.Gates;
using OrBench.Testing.Reporting;
using OrBench.Testing.Results;
using OrBench.Testing.Tests.Reporting;
using Xunit;
using Xunit.Abstractions;

namespace OrBench.Testing.Tests.Acceptance;

/// <summary>Opens report.html in real headless Chromium: the plot renders, the filter script runs, injected payloads do not.</summary>
public sealed partial class HtmlReportBrowserTests(ITestOutputHelper output)
{
    private const string EvilModel = "evil</text><script>document.title='pwned-svg'</script>";

    [ChromiumFact]
    public async Task Report_of_a_200_prompt_run_renders_the_plot_and_executes_no_payload()
    {
        var benign = SampleResults.Hard1K200();
        benign.Records.Count(r => r.Expected == Data.ExpectedBehavior.Answer).Should().Be(200, "the test is about a 200-prompt run");
        var results = new[]
        {
            benign,
            SampleResults.ToxicStandIn(),
            SampleResults.Hard1K200(EvilModel, withPayloads: false),
            SampleResults.ToxicStandIn(EvilModel),
        };
        var directory = Directory.CreateTempSubdirectory("orbench-report-browser-");
        try
        {
            var written = await ReportWriter.WriteAsync(results, directory.FullName, new ReportOptions { WriteResultFiles = false, AppendToStepSummary = false });
            var url = new Uri(written.HtmlPath).AbsoluteUri;

            var dom = await HeadlessChromium.RunAsync(url, "--dump-dom", "--virtual-time-budget=3000");

            dom.Should().Contain("<figure id=\"tradeoff\"><svg", "the Figure 1 plot must be in the rendered DOM");
            var labelled = OrBenchReferenceResults.Models.Count(m => Regex.IsMatch(dom, "<text[^>]*>\\s*" + Regex.Escape(m.Name) + "\\s*</text>"));
            labelled.Should().BeGreaterThanOrEqualTo(20, "the reference models are labelled in the plot (a few crowded ones may go without a label)");
            dom.Should().Contain("<figure id=\"over-refusal-chart\"><svg").And.Contain("<figure id=\"toxic-acceptance-chart\"><svg");
            CountShown().IsMatch(dom).Should().BeTrue("the page's own filter script must run, or the payload checks below prove nothing");
            TitleOf(dom).Should().StartWith("OR-Bench report", "no injected script may rewrite the title");
            dom.Should().NotContain("pwned</title>").And.NotContain("data-pwned=\"yes\"");
            dom.Should().NotContain("<img src=\"x\"", "the onerror payload must stay text, never become an element");
            dom.Should().Contain("&lt;script&gt;document.title='pwned'&lt;/script&gt;", "the payload is shown as text in the records table");
            Regex.Count(dom, "<script>").Should().Be(1, "the page has exactly one script: its own filter");

            var screenshot = Path.Combine(HeadlessChromium.ArtifactsDirectory(), "report.png");
            File.Delete(screenshot);
            await HeadlessChromium.RunAsync(url, $"--screenshot={screenshot}", "--window-size=1280,2000", "--virtual-time-budget=3000");
            var png = await File.ReadAllBytesAsync(screenshot);
            png.Take(8).Should().Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "chromium writes a PNG");
            png.Length.Should().BeGreaterThan(20_000, "a rendered report is not a blank page");
            File.Copy(written.HtmlPath, Path.Combine(HeadlessChromium.ArtifactsDirectory(), "report.html"), overwrite: true);
            output.WriteLine($"screenshot: {screenshot}");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string TitleOf(string dom)
    {
        var match = Regex.Match(dom, "<title>(.*?)</title>", RegexOptions.Singleline);
        match.Success.Should().BeTrue("the page has a title");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("<span id=\"f-count\">\\d+ of \\d+ records shown</span>")]
    private static partial Regex CountShown();
}
