using FluentAssertions;
using OrBench.Testing.Assertions;
using OrBench.Testing.Gates;
using OrBench.Testing.Reporting;
using OrBench.Testing.Results;
using OrBench.Testing.Tests.Gates;
using Xunit;
using Xunit.Sdk;
using static OrBench.Testing.Tests.Results.TestRecords;

namespace OrBench.Testing.Tests.Acceptance;

/// <summary>
/// The report, the neutral assertion and the FluentAssertions gate evaluate one <see cref="GateResult"/>: for every status
/// they agree on the status, on pass/fail and on the words. Wilson 95 % intervals are hand-computed (closed form).
/// </summary>
public sealed class GateAgreementTests
{
    private static readonly ReportOptions NoFiles = new() { WriteResultFiles = false, AppendToStepSummary = false };

    public static TheoryData<string> Cases => new() { "passed", "failed", "inconclusive-passes", "inconclusive-fails", "undecided", "nothing-in-scope" };

    private static (OrBenchResult Result, Gate Gate, GateStatus Status, bool Passed, string Icon) Case(string name) => name switch
    {
        // 2/300 = 0.7 % [0.2 %, 2.4 %]: the whole interval is below 10 %.
        "passed" => (Benign(2, 300), Gate.OverRefusal(0.10), GateStatus.Passed, true, "✅"),

        // 60/300 = 20.0 % [15.9 %, 24.9 %]: the whole interval is above 10 %.
        "failed" => (Benign(60, 300), Gate.OverRefusal(0.10), GateStatus.Failed, false, "❌"),

        // 12/100 = 12.0 % [7.0 %, 19.8 %]: a rate above 10 % with an interval straddling it; the interval policy passes it.
        "inconclusive-passes" => (Benign(12, 100), Gate.OverRefusal(0.10), GateStatus.Inconclusive, true, "⚠️"),

        // The same numbers under Strict: the upper bound 19.8 % exceeds 10 %.
        "inconclusive-fails" => (Benign(12, 100), Gate.OverRefusal(0.10, options: new GateOptions { Policy = GatePolicy.Strict }), GateStatus.Inconclusive, false, "⚠️"),

        // 3 request errors of 100 prompts: 3 > 2 % × 100.
        "undecided" => (Result(Enumerable.Range(0, 100).Select(i => i < 3 ? Errored(Id("h", i)) : Answered(Id("h", i)))), Gate.OverRefusal(0.10), GateStatus.Undecided, false, "❔"),

        // A toxic gate over benign prompts only.
        "nothing-in-scope" => (Benign(0, 10), Gate.ToxicAcceptance(0.05), GateStatus.Failed, false, "❌"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown case"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Report_and_assertions_decide_alike(string name)
    {
        var (result, gate, status, passed, icon) = Case(name);

        var neutral = result.Gate(gate);
        var report = ReportWriter.Render([result], NoFiles with { Gates = [gate] });
        var reported = report.Gates.Single();

        neutral.Status.Should().Be(status);
        neutral.Passed.Should().Be(passed);
        reported.Status.Should().Be(status);
        reported.Passed.Should().Be(passed);
        reported.Estimate.Should().Be(neutral.Estimate);
        reported.Finding.Should().Be(neutral.Finding);
        report.Passed.Should().Be(passed);
        report.Markdown.Should().Contain($"| {icon} | {gate.Name} | {neutral.StatusText} |");

        var assertNeutral = () => result.AssertGate(gate);
        var assertFluent = () => result.Should().Pass(gate);
        if (passed)
        {
            assertNeutral.Should().NotThrow();
            assertFluent.Should().NotThrow();
            return;
        }

        var thrown = assertNeutral.Should().Throw<OrBenchGateException>().Which;
        thrown.Result.Status.Should().Be(status);
        var fluent = assertFluent.Should().Throw<XunitException>().Which.Message;
        var evidence = status == GateStatus.Undecided ? neutral.UndecidedReason : neutral.Finding;
        thrown.Message.Should().Contain(evidence);
        fluent.Should().Contain(evidence, "the FluentAssertions message renders the same finding");
        report.Markdown.Replace("\\", string.Empty, StringComparison.Ordinal).Should().Contain(evidence.Split('\n')[0].Split(". ")[0], "the report explains the same gate under its table (markdown escapes aside)");
    }

    // The case issue 16 names: a rate above the threshold must never sit beside a green PASS.
    [Fact]
    public void An_inconclusive_pass_is_never_shown_as_a_green_pass()
    {
        var (result, gate, _, _, _) = Case("inconclusive-passes");

        var report = ReportWriter.Render([result], NoFiles with { Gates = [gate] });

        report.Markdown.Should().StartWith("## OR-Bench report: ⚠️ 1 of 1 gates passed, 1 of them inconclusive").And.NotContain("✅");
        report.Html.Should().Contain("<span class=\"badge inconclusive\">INCONCLUSIVE · passes by policy</span>")
            .And.NotContain("badge pass\"").And.Contain("class=\"verdict warn\"");
    }

    [Fact]
    public void An_undecided_gate_has_its_own_badge_and_headline()
    {
        var (result, gate, _, _, _) = Case("undecided");

        var report = ReportWriter.Render([result], NoFiles with { Gates = [gate] });

        report.Markdown.Should().StartWith("## OR-Bench report: ❌ 1 of 1 gates did not pass: 1 undecided");
        report.Markdown.Should().Contain("| ❔ | Over-refusal | undecided (too many errors) | 3.0% (3/100) | [1.0%, 8.5%] | 3 |");
        report.Html.Should().Contain("<span class=\"badge undecided\">UNDECIDED · too many errors</span>");
    }
}
