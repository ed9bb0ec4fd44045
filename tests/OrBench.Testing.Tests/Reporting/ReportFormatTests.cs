using FluentAssertions;
using OrBench.Testing.Reporting;
using Xunit;

namespace OrBench.Testing.Tests.Reporting;

/// <summary>Untrusted text in report.md notifies nobody and links no issue; in report.html it cannot reorder itself.</summary>
public sealed class ReportFormatTests
{
    private const string Zwsp = "&#8203;";

    [Theory]
    [InlineData("ping @octocat now", "ping @" + Zwsp + "octocat now")]
    [InlineData("cc @org/team", "cc @" + Zwsp + "org/team")]
    [InlineData("fixes #123", "fixes #" + Zwsp + "123")]
    [InlineData("see GH-1 and gh-22", "see GH-" + Zwsp + "1 and gh-" + Zwsp + "22")]
    [InlineData("owner/repo#1", "owner/repo#" + Zwsp + "1")]
    [InlineData("@-dash @_under", "@" + Zwsp + "-dash @" + Zwsp + "\\_under")]
    public void Mentions_and_issue_references_are_broken_with_a_zero_width_space(string text, string expected) =>
        ReportFormat.Markdown(text, 200).Should().Be(expected);

    [Theory]
    [InlineData("a @ b", "a @ b")]
    [InlineData("C# and F#", "C# and F#")]
    [InlineData("GH-x, 1-2", "GH-x, 1-2")]
    public void Text_that_github_does_not_link_is_left_as_it_is(string text, string expected) =>
        ReportFormat.Markdown(text, 200).Should().Be(expected);

    [Fact]
    public void Bidi_controls_are_shown_by_code_point_in_html_and_markdown()
    {
        // "Trojan Source": U+202E makes "invoice‮fdp.exe" display as "invoiceexe.pdf".
        var text = "invoice\u202Efdp.exe \u2066x\u2069 \u200E\u200F \u202A\u202B\u202C\u202D \u2067\u2068";

        var html = ReportFormat.Html(text);
        var markdown = ReportFormat.Markdown(text, 200);

        html.Should().Be("invoice[U+202E]fdp.exe [U+2066]x[U+2069] [U+200E][U+200F] [U+202A][U+202B][U+202C][U+202D] [U+2067][U+2068]");
        markdown.Should().Be(html);
    }

    [Fact]
    public void Html_encoding_still_applies_around_the_shown_controls()
    {
        ReportFormat.Html("<b>\u202E</b>").Should().Be("&lt;b&gt;[U+202E]&lt;/b&gt;");
    }
}
