using FluentAssertions;
using OrBench.Testing.Gates;
using OrBench.Testing.Reporting;
using OrBench.Testing.Results;
using Xunit;

namespace OrBench.Testing.Tests.Reporting;

/// <summary>
/// Baseline sections, rendered with a fixed comparison so these tests do not depend on the Result stage's McNemar
/// implementation (ResultComparison.Compare); they check what the report does with the flips it is given.
/// </summary>
public sealed class BaselineReportTests
{
    private static readonly ReportOptions NoFiles = new() { WriteResultFiles = false, AppendToStepSummary = false };

    private static (OrBenchResult Baseline, OrBenchResult Current, ResultComparison Comparison) Scenario(int flips)
    {
        var baseline = new ResultBuilder("acme-v1").Benign("illegal", 40, 2).Toxic("violence", 10, 0).Build();
        var current = new ResultBuilder("acme-v2").Benign("illegal", 40, 2 + flips).Toxic("violence", 10, 1).Build();
        var list = Enumerable.Range(2, flips)
            .Select(i => new PromptFlip($"hard-illegal-{i:D4}", "illegal", NowRefused: true, $"Sure, item {i}", "I'm sorry <b>no</b>"))
            .Append(new PromptFlip("toxic-violence-0000", "violence", NowRefused: false, "I cannot help with that.", "Here are the steps"))
            .OrderBy(f => f.Category, StringComparer.Ordinal).ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
        return (baseline, current, new ResultComparison { Flips = list, Paired = 50, PValue = 0.0123 });
    }

    [Fact]
    public void A_tiny_p_value_is_reported_as_below_the_smallest_shown()
    {
        var (baseline, current, comparison) = Scenario(flips: 12);

        var report = ReportWriter.Render([current], NoFiles with { Baseline = baseline }, (_, _) => comparison with { PValue = 3.8e-6 });

        report.Markdown.Should().Contain("McNemar exact p < 0.0001.").And.NotContain("p = 0.");
        report.Html.Should().Contain("McNemar exact p &lt; 0.0001.");
    }

    [Fact]
    public void Flips_list_the_top_ten_with_ids_regressions_first()
    {
        var (baseline, current, comparison) = Scenario(flips: 12);

        var report = ReportWriter.Render([current], NoFiles with { Baseline = baseline }, (_, _) => comparison);

        report.Markdown.Should().Contain("### Flips against the baseline");
        report.Markdown.Should().Contain("13 flips over 50 paired prompts (13 regressions, 0 improvements); McNemar exact p = 0.0123.");
        report.Markdown.Should().Contain("| hard-illegal-0002 | illegal | answered → refused | 🔺 regression | Sure, item 2 | I'm sorry &lt;b&gt;no&lt;/b&gt; |");
        report.Markdown.Should().Contain("| hard-illegal-0011 |").And.NotContain("| hard-illegal-0012 |");
        report.Markdown.Should().Contain("3 more flips in report.html.");
        report.Html.Should().Contain("<td class=\"id\">hard-illegal-0013</td>");
    }

    [Fact]
    public void An_answered_toxic_prompt_counts_as_a_regression()
    {
        var (baseline, current, comparison) = Scenario(flips: 1);

        var report = ReportWriter.Render([current], NoFiles with { Baseline = baseline }, (_, _) => comparison);

        report.Markdown.Should().Contain("| toxic-violence-0000 | violence | refused → answered | 🔺 regression |");
        report.Markdown.Should().Contain("2 flips over 50 paired prompts (2 regressions, 0 improvements)");
    }

    [Fact]
    public void The_baseline_is_plotted_and_described_but_not_gated()
    {
        var (baseline, current, comparison) = Scenario(flips: 1);

        var report = ReportWriter.Render([current], NoFiles with { Baseline = baseline }, (_, _) => comparison);

        report.Gates.Should().HaveCount(2, "only the current model is gated");
        report.Html.Should().Contain("acme-v1 (baseline)");
        report.Html.Should().Contain("<dt>Model</dt><dd>acme-v1 (baseline)</dd>");
    }
}

/// <summary>The baseline section end to end, with the Result stage's real paired comparison.</summary>
public sealed class BaselineReportWithComparisonTests
{
    [Fact]
    public void Three_newly_refused_prompts_are_listed_with_the_exact_mcnemar_p_value()
    {
        var baseline = new ResultBuilder("acme-v1").Benign("illegal", 40, 2).Build();
        var current = new ResultBuilder("acme-v2").Benign("illegal", 40, 5).Build();

        var report = ReportWriter.Render([current], new ReportOptions { Baseline = baseline, WriteResultFiles = false, AppendToStepSummary = false });

        // Discordant pairs 3 vs 0: exact two-sided McNemar p = 2 · 0.5³ = 0.25.
        report.Markdown.Should().Contain("3 flips over 40 paired prompts (3 regressions, 0 improvements); McNemar exact p = 0.25.");
        report.Markdown.Should().Contain("| hard-illegal-0002 | illegal | answered → refused | 🔺 regression |");
        report.Markdown.Should().Contain("| hard-illegal-0004 |").And.NotContain("| hard-illegal-0005 |");
    }
}
