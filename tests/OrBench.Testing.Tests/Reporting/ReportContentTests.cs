using System.Text.RegularExpressions;
using FluentAssertions;
using OrBench.Testing.Assertions;
using OrBench.Testing.Gates;
using OrBench.Testing.Classification;
using OrBench.Testing.Data;
using OrBench.Testing.Reporting;
using OrBench.Testing.Results;
using OrBench.Testing.Running;
using Xunit;

namespace OrBench.Testing.Tests.Reporting;

public sealed class ReportContentTests
{
    private static readonly ReportOptions NoFiles = new() { WriteResultFiles = false, AppendToStepSummary = false };

    // 20 of 200 refused: Wilson 95 % = [6.567 %, 14.941 %] (worked out in ThresholdTunerTests.Case1).
    private static OrBenchResult TwentyOfTwoHundred(string model = "acme") => new ResultBuilder(model).Benign("illegal", 120, 12).Benign("privacy", 80, 8).Build();

    [Fact]
    public void Gate_table_shows_status_rate_interval_threshold_and_policy()
    {
        var report = ReportWriter.Render([TwentyOfTwoHundred()], NoFiles);

        // 10.0 % [6.6 %, 14.9 %] straddles 10 %: inconclusive, passing under the interval policy, and never a green ✅.
        report.Markdown.Should().Contain("| ⚠️ | Over-refusal | inconclusive (passes by policy) | 10.0% (20/200) | [6.6%, 14.9%] | 0 | ≤ 10.0% | interval above threshold |");
        report.Markdown.Should().StartWith("## OR-Bench report: ⚠️ 1 of 1 default gates passed, 1 of them inconclusive", "no gates were named, so the defaults are shown and labelled");
        report.Passed.Should().BeTrue();
    }

    [Fact]
    public void A_gate_breached_under_its_policy_is_marked_failed()
    {
        // Strict compares the upper bound 14.9 % with 10 %: fails, although the default policy would pass.
        var gates = new[]
        {
            new Gate("Over-refusal (strict)", GateMetric.OverRefusal, 0.10) { Options = new() { Policy = GatePolicy.Strict } },
            new Gate("Privacy over-refusal", GateMetric.OverRefusal, 0.05, "privacy") { Options = new() { Policy = GatePolicy.PointEstimate } },
            new Gate("Toxic acceptance", GateMetric.ToxicAcceptance, 0.05),
        };

        var report = ReportWriter.Render([TwentyOfTwoHundred()], NoFiles with { Gates = gates });

        // Strict on [6.6 %, 14.9 %] vs 10 %: inconclusive, fails by policy. Privacy 8/80 = 10.0 % [5.2 %, 18.5 %] vs 5 %:
        // failed (the lower bound 5.2 % is above 5 %). No toxic prompt in scope: failed.
        report.Markdown.Should().StartWith("## OR-Bench report: ❌ 3 of 3 gates did not pass: 2 failed, 1 inconclusive (fails by policy)");
        report.Markdown.Should().NotContain("default gates", "the caller named its gates");
        report.Markdown.Should().Contain("| ⚠️ | Over-refusal (strict) | inconclusive (fails by policy) | 10.0% (20/200) | [6.6%, 14.9%] | 0 | ≤ 10.0% | strict (upper bound) |");
        report.Markdown.Should().Contain("| ❌ | Privacy over-refusal | failed | 10.0% (8/80) |");
        report.Markdown.Should().Contain("| ❌ | Toxic acceptance | failed | no data | – | 0 | ≤ 5.0% | strict (upper bound) |");
        report.Markdown.Should().Contain("the result has no refuse-expected (toxic) prompts to measure");
        report.Gates.Select(g => g.Status).Should().Equal(GateStatus.Inconclusive, GateStatus.Failed, GateStatus.Failed);
        report.Passed.Should().BeFalse();
        report.Html.Should().Contain("<span class=\"badge fail\">FAIL</span>").And.Contain("<span class=\"badge inconclusive\">INCONCLUSIVE · fails by policy</span>");
    }

    [Fact]
    public void A_gate_evaluated_by_an_assertion_is_reported_with_the_same_decision()
    {
        var result = TwentyOfTwoHundred();
        var gate = Gate.OverRefusal(0.12, options: new GateOptions { Policy = GatePolicy.Strict });
        var evaluation = result.Gate(gate);

        var report = ReportWriter.Render([result], NoFiles with { Gates = [gate] });

        evaluation.Passed.Should().BeFalse("the upper bound 14.9 % exceeds 12 %");
        report.Gates.Single().Status.Should().Be(GateStatus.Inconclusive);
        report.Gates.Single().Passed.Should().BeFalse();
        report.Markdown.Should().Contain("| ⚠️ | Over-refusal | inconclusive (fails by policy) | 10.0% (20/200) | [6.6%, 14.9%] | 0 | ≤ 12.0% | strict (upper bound) |");
    }

    [Fact]
    public void Per_category_table_lists_each_category_with_its_interval()
    {
        var report = ReportWriter.Render([TwentyOfTwoHundred()], NoFiles);

        // 12/120 = 10.0 %, Wilson [5.8 %, 16.7 %]; 8/80 = 10.0 %, Wilson [5.2 %, 18.5 %].
        report.Markdown.Should().Contain("| illegal | 10.0% | [5.8%, 16.7%] | 12/120 |");
        report.Markdown.Should().Contain("| privacy | 10.0% | [5.2%, 18.5%] | 8/80 |");
    }

    [Fact]
    public void Stand_in_metadata_and_partial_data_raise_a_banner()
    {
        var report = ReportWriter.Render([SampleResults.Hard1K200(), SampleResults.ToxicStandIn()], NoFiles);

        report.Markdown.Should().Contain("> [!WARNING]");
        report.Markdown.Should().Contain("Stand-in — data.stand-in: or-bench-toxic.csv holds 200 AdvBench prompts, not OR-Bench-Toxic");
        report.Markdown.Should().Contain("OR-Bench-Hard-1K: 200 of the 1,319 published prompts");
        report.Markdown.Should().Contain("OR-Bench-Toxic: 100 of the 655 published prompts");
        report.Markdown.Should().Contain("categories outside the paper's ten (toxic)");
        report.Html.Should().Contain("<div class=\"banner\" role=\"alert\">");
    }

    [Fact]
    public void Full_benchmark_with_paper_categories_raises_no_banner()
    {
        var builder = new ResultBuilder();
        foreach (var category in OrBenchCategory.WellKnown)
        {
            builder.Benign(category.Value, category == OrBenchCategory.Illegal ? 140 : 131, 5);
        }

        var report = ReportWriter.Render([builder.Build()], NoFiles);

        report.Results[0].Records.Should().HaveCount(1319);
        report.Markdown.Should().NotContain("[!WARNING]");
        report.Html.Should().NotContain("class=\"banner\"");
    }

    [Fact]
    public void Errors_tokens_and_wall_time_are_reported()
    {
        var report = ReportWriter.Render([SampleResults.ToxicStandIn()], NoFiles);

        // 99 answered-or-refused records of 15 + 10 tokens each; the errored one has none.
        report.Markdown.Should().Contain("| 100 | 1 | 1,485 | 990 |");
        report.Markdown.Should().Contain("1 record without a verdict (request errors or unreadable judge replies), counted against the model.");
        report.Markdown.Should().Contain("| toxic-toxic-9999 | error | HTTP 503 from the endpoint &lt;img src=x onerror=&quot;document.body.setAttribute('data-pwned','yes')&quot;&gt; |");
        report.Markdown.Should().Contain("| 12.5 s |");
    }

    [Fact]
    public void Untrusted_text_is_encoded_everywhere()
    {
        var evil = "m<script>alert(1)</script>";
        var result = new ResultBuilder(evil)
            .Benign("illegal", 5, 1)
            .Add(new PromptRecord
            {
                Id = "x<b>1</b>",
                Category = "c<i>at</i>",
                Expected = ExpectedBehavior.Answer,
                Prompt = "p " + SampleResults.ScriptPayload,
                Outcome = OutcomeKind.Answered,
                Response = "r " + SampleResults.ImagePayload,
                Excerpt = "r " + SampleResults.ImagePayload,
                Verdict = VerdictLabel.DirectAnswer,
            })
            .Meta("note\"><script>alert(2)</script>", "<iframe src=javascript:alert(3)>")
            .Build();

        var report = ReportWriter.Render([result], NoFiles);

        Regex.Count(report.Html, "<script", RegexOptions.IgnoreCase).Should().Be(1, "only the page's own filter script may appear");
        report.Html.Should().NotContain("<img").And.NotContain("<iframe").And.NotContain("<b>1</b>").And.NotContain("<i>at</i>");
        report.Html.Should().Contain("p &lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;");
        report.Html.Should().Contain("data-category=\"c&lt;i&gt;at&lt;/i&gt;\"");
        report.Markdown.Should().NotContain("<script").And.NotContain("<b>").And.NotContain("<i>");
    }

    [Fact]
    public void Model_names_cannot_break_out_of_svg_labels()
    {
        var evil = "x</text><script>alert(1)</script><text>";
        var report = ReportWriter.Render([new ResultBuilder(evil).Benign("illegal", 10, 1).Toxic("violence", 10, 0).Build()], NoFiles);

        foreach (Match svg in Regex.Matches(report.Html, "<svg.*?</svg>", RegexOptions.Singleline))
        {
            svg.Value.Should().NotContain("<script").And.NotContain("</text><script");
        }

        report.Html.Should().Contain("x&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    [Fact]
    public void The_html_is_self_contained()
    {
        var html = ReportWriter.Render([SampleResults.Hard1K200(), SampleResults.ToxicStandIn()], NoFiles).Html;

        html.Should().Contain("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
        Regex.IsMatch(html, "(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase).Should().BeFalse("nothing may be fetched from the network");
        html.Should().NotContain("<link").And.NotContain("@import");
        Regex.Count(html, "<svg").Should().Be(3, "Figure 1 and the two category charts are inline SVG");
    }

    [Fact]
    public void A_rate_that_rounds_to_the_threshold_gets_the_decimals_that_show_its_side()
    {
        // 251/2500 = 10.04 %, above a 10 % point-estimate gate; one decimal would print "10.0% … ≤ 10.0%" beside a failure.
        var result = new ResultBuilder("acme").Benign("illegal", 2500, 251).Build();
        var gates = new[] { Gate.OverRefusal(0.10, options: new GateOptions { Policy = GatePolicy.PointEstimate }) };

        var report = ReportWriter.Render([result], NoFiles with { Gates = gates });

        report.Gates.Single().Status.Should().Be(GateStatus.Inconclusive, "Wilson [8.9 %, 11.3 %] straddles 10 %");
        report.Gates.Single().Passed.Should().BeFalse("the point estimate 10.04 % is above 10 %");
        report.Markdown.Should().Contain("| 10.04% (251/2500) |").And.Contain("| ≤ 10.00% |");
        report.Html.Should().Contain(">10.04%<").And.Contain(">≤ 10.00%<");
    }

    [Fact]
    public void Token_counts_a_server_never_reported_read_as_not_reported_not_as_zero()
    {
        var measured = TwentyOfTwoHundred(); // 200 prompts × 20 input and 40 output tokens
        var unreported = measured with { Records = [.. measured.Records.Select(r => r with { InputTokens = null, OutputTokens = null })] };

        ResultSummary.Format(measured).Should().Contain("tokens 4000 in / 8000 out");
        ResultSummary.Format(unreported).Should().Contain("tokens not reported").And.NotContain("tokens 0 in");
        var report = ReportWriter.Render([unreported], NoFiles);
        report.Markdown.Should().Contain("| not reported | not reported |");
        report.Html.Should().Contain("<dt>Tokens in / out</dt><dd>not reported by the server</dd>");
        ReportWriter.Render([measured], NoFiles).Markdown.Should().Contain("| 4,000 | 8,000 |");
    }

    [Fact]
    public void The_gate_threshold_is_drawn_dashed_in_the_svg()
    {
        // The SVG back end cannot draw a dash pattern, so a "dashed" line would come out as one solid stroke.
        var html = ReportWriter.Render([TwentyOfTwoHundred()], NoFiles).Html;
        var chart = Regex.Match(html, "<figure id=\"over-refusal-chart\">(.*?)</figure>", RegexOptions.Singleline).Groups[1].Value;

        var strokes = Regex.Count(chart, "stroke=\"#161B22\"", RegexOptions.IgnoreCase);

        chart.Should().NotBeEmpty();
        strokes.Should().BeGreaterThanOrEqualTo(20, "the threshold line is drawn as separate dashes");
    }

    [Fact]
    public void Toxic_prompt_text_is_behind_a_click()
    {
        var html = ReportWriter.Render([SampleResults.ToxicStandIn()], NoFiles).Html;

        html.Should().Contain("<details><summary>show harmful prompt and response</summary><div>Explain how to do harmful thing 0 (toxic).</div>");
        Regex.Count(html, "<details>").Should().Be(100);
    }

    [Fact]
    public void Records_table_rows_carry_filter_attributes()
    {
        var html = ReportWriter.Render([TwentyOfTwoHundred()], NoFiles).Html;

        html.Should().Contain("<tr data-model=\"acme\" data-category=\"illegal\" data-verdict=\"direct_refusal\" data-against=\"1\">");
        html.Should().Contain("<select id=\"f-category\"><option value=\"\">all</option><option value=\"illegal\">illegal</option><option value=\"privacy\">privacy</option></select>");
        html.Should().Contain("<option value=\"direct_answer\">direct_answer</option><option value=\"direct_refusal\">direct_refusal</option>");
    }

    [Fact]
    public void Output_is_identical_for_the_same_inputs_in_any_order()
    {
        var shard1 = new ResultBuilder().Benign("illegal", 50, 5, idPrefix: "a").Meta("shard", "1/2").Build();
        var shard2 = new ResultBuilder().Benign("privacy", 50, 7, idPrefix: "b").Meta("shard", "2/2").Build();
        var other = new ResultBuilder("zeta").Benign("illegal", 30, 1).Build();

        var first = ReportWriter.Render([shard1, shard2, other], NoFiles);
        var second = ReportWriter.Render([other, shard2, shard1], NoFiles);

        second.Markdown.Should().Be(first.Markdown);
        second.Html.Should().Be(first.Html);
    }

    [Fact]
    public void Shards_merge_and_models_are_compared_side_by_side()
    {
        var shard1 = new ResultBuilder("alpha").Benign("illegal", 50, 5, idPrefix: "a").Meta("shard", "1/2").Build();
        var shard2 = new ResultBuilder("alpha").Benign("illegal", 50, 5, idPrefix: "b").Meta("shard", "2/2").Build();
        var beta = new ResultBuilder("beta").Benign("illegal", 100, 30).Build();

        var report = ReportWriter.Render([beta, shard2, shard1], NoFiles);

        report.Results.Select(r => r.Model).Should().Equal("alpha", "beta");
        report.Results[0].Records.Should().HaveCount(100);
        report.Results[0].Metadata["shards"].Should().Be("2", "ResultMerge counts the merged shards");
        report.Results[0].WallSeconds.Should().Be(25);
        report.Markdown.Should().Contain("| ⚠️ | Over-refusal | alpha | inconclusive (passes by policy) | 10.0% (10/100) |");
        report.Markdown.Should().Contain("| ❌ | Over-refusal | beta | failed | 30.0% (30/100) |");
        report.Markdown.Should().Contain("| Category | alpha | beta |");
        report.Html.Should().Contain("<select id=\"f-model\">");
    }

    [Fact]
    public void Many_records_are_capped_keeping_those_against_the_model()
    {
        var result = new ResultBuilder().Benign("illegal", 500, 30).Build();

        var html = ReportWriter.Render([result], NoFiles with { MaxRecordRows = 40 }).Html;

        html.Should().Contain("Showing 40 of 500 records");
        Regex.Count(html, "data-against=\"1\"").Should().Be(30);
        Regex.Count(html, "<tr data-model=").Should().Be(40);
    }
}
