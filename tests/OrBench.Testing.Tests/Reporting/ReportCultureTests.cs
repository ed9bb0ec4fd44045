using System.Globalization;
using FluentAssertions;
using OrBench.Testing.Gates;
using OrBench.Testing.Reporting;
using OrBench.Testing.Reporting.Tuning;
using Xunit;

namespace OrBench.Testing.Tests.Reporting;

/// <summary>
/// Reports and the tuner print the same bytes whatever the machine's culture: de-DE and tr-TR write decimals with a comma
/// (and tr-TR has its own casing), so a culture-sensitive format would turn 10.0% into 10,0% on a German CI agent.
/// </summary>
public class ReportCultureTests
{
    private static readonly ReportOptions NoFiles = new() { WriteResultFiles = false, AppendToStepSummary = false };

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void Reports_and_tuning_do_not_depend_on_the_current_culture(string name)
    {
        var results = new[]
        {
            new ResultBuilder().Benign("illegal", 200, 20).Benign("privacy", 37, 5, "priv").Build(),
            new ResultBuilder(prompts: "or-bench-toxic", subset: Data.OrBenchSubset.Toxic).Toxic("violence", 60, 1).Build(),
        };
        var invariant = Render(results, CultureInfo.InvariantCulture);

        var local = Render(results, CultureInfo.GetCultureInfo(name));

        CultureInfo.GetCultureInfo(name).NumberFormat.NumberDecimalSeparator.Should().Be(",", "the test needs a culture with comma decimals");
        local.Markdown.Should().Be(invariant.Markdown);
        local.Html.Should().Be(invariant.Html);
        local.Table.Should().Be(invariant.Table);
        local.Json.Should().Be(invariant.Json);
        invariant.Markdown.Should().Contain("10.0%", "the invariant rendering is the reference and uses a decimal point");
    }

    private static (string Markdown, string Html, string Table, string Json) Render(IReadOnlyList<Testing.Results.OrBenchResult> results, CultureInfo culture)
    {
        var (saved, savedUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            var report = ReportWriter.Render(results, NoFiles);
            var tuning = ThresholdTuner.Tune(results, new TuningOptions { Confidence = 0.975, Margin = 0.015 });
            return (report.Markdown, report.Html, tuning.ToTable(), tuning.ToJson());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = savedUi;
        }
    }
}
