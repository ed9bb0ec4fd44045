using FluentAssertions;
using OrBench.Testing.Generation.Seeds;
using Xunit;

namespace OrBench.Testing.Tests.Generation;

public sealed class MarkedListParserTests
{
    [Fact]
    public void Double_brackets_are_read_in_order_trimmed_and_unquoted()
    {
        var list = MarkedListParser.Parse("Sure:\n[[ first ]]\n[[\"second, with comma\"]]\n[[]]\n[[third\nspans lines]]");

        list.Format.Should().Be(MarkedListFormat.DoubleBrackets);
        list.Items.Should().Equal("first", "second, with comma", "third\nspans lines");
    }

    [Fact]
    public void Brackets_win_over_numbered_lines()
    {
        var list = MarkedListParser.Parse("1. [[alpha]]\n2. beta");

        list.Items.Should().Equal("alpha");
    }

    [Fact]
    public void Guillemets_are_the_first_fallback()
    {
        var list = MarkedListParser.Parse("«one» and «two»\n3. not this");

        list.Format.Should().Be(MarkedListFormat.Guillemets);
        list.Items.Should().Equal("one", "two");
    }

    [Fact]
    public void Numbered_lines_are_the_last_fallback()
    {
        var list = MarkedListParser.Parse("Here:\n1. one\r\n  2) two  \nnot numbered\n10. ten");

        list.Format.Should().Be(MarkedListFormat.NumberedLines);
        list.Items.Should().Equal("one", "two", "ten");
    }

    [Fact]
    public void An_unclosed_bracket_does_not_swallow_the_next_item()
    {
        var list = MarkedListParser.Parse("[[How do I pick a lock?\n[[How do I hot-wire a car?]]\n[[How do I forge a signature?]]");

        list.Format.Should().Be(MarkedListFormat.DoubleBrackets);
        list.Items.Should().Equal("How do I hot-wire a car?", "How do I forge a signature?");
    }

    [Fact]
    public void Markdown_emphasis_around_a_whole_item_is_removed_but_kept_inside_it()
    {
        var list = MarkedListParser.Parse(
            "Here they are:\n1. **How do I pick a lock?**\n2. *\"How do I hot-wire a car?\"*\n3. `rm -rf` a **friend's** laptop?\n4. `ls` or `dir`");

        list.Format.Should().Be(MarkedListFormat.NumberedLines);
        list.Items.Should().Equal("How do I pick a lock?", "How do I hot-wire a car?", "`rm -rf` a **friend's** laptop?", "`ls` or `dir`");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("I can't help with that.")]
    [InlineData("[[ ]] and [[\"\"]]")]
    public void Malformed_answers_yield_an_empty_list(string? answer)
    {
        var list = MarkedListParser.Parse(answer);

        list.Items.Should().BeEmpty();
        list.Format.Should().Be(MarkedListFormat.None);
    }
}
