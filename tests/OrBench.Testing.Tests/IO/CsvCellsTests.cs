using FluentAssertions;
using OrBench.Testing.IO;
using Xunit;

namespace OrBench.Testing.Tests.IO;

public sealed class CsvCellsTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Sure, =1 later", "Sure, =1 later")]
    [InlineData(" =leading space", " =leading space")]
    [InlineData("", "")]
    [InlineData("'already quoted", "'already quoted")]
    public void Cells_starting_a_formula_get_a_leading_quote_and_others_are_unchanged(string cell, string expected)
    {
        CsvCells.Neutralize(cell).Should().Be(expected);
        CsvCells.NeedsNeutralizing(System.Text.Encoding.UTF8.GetBytes(cell)).Should().Be(cell != expected);
    }
}
