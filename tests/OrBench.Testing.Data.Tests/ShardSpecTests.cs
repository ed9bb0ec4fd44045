using FluentAssertions;

namespace OrBench.Testing.Data.Tests;

public class ShardSpecTests
{
    [Theory]
    [InlineData("3/8", 3, 8)]
    [InlineData(" 1 / 1 ", 1, 1)]
    [InlineData("8/8", 8, 8)]
    public void Parses_k_of_n(string text, int index, int count)
    {
        var shard = ShardSpec.Parse(text);

        shard.Index.Should().Be(index);
        shard.Count.Should().Be(count);
        shard.ToString().Should().Be($"{index}/{count}");
    }

    [Theory]
    [InlineData("", "*empty*")]
    [InlineData("3", "*write k/n*")]
    [InlineData("3/8/9", "*write k/n*")]
    [InlineData("x/8", "*'x' before the slash is not a whole number*")]
    [InlineData("3/y", "*'y' after the slash is not a whole number*")]
    [InlineData("0/8", "*between 1 and 8*numbered from 1*")]
    [InlineData("9/8", "*between 1 and 8*")]
    [InlineData("1/0", "*count must be at least 1*")]
    public void Rejects_bad_text_with_a_clear_message(string text, string message)
    {
        var act = () => ShardSpec.Parse(text);

        act.Should().Throw<FormatException>().WithMessage(message);
        ShardSpec.TryParse(text, out _).Should().BeFalse();
    }

    [Fact]
    public void Reads_ORBENCH_SHARD_and_names_it_in_errors()
    {
        ShardSpec.FromEnvironment(_ => null).Should().BeNull();
        ShardSpec.FromEnvironment(n => n == "ORBENCH_SHARD" ? "2/4" : null).Should().Be(new ShardSpec(2, 4));
        var act = () => ShardSpec.FromEnvironment(n => n == "ORBENCH_SHARD" ? "two of four" : null);
        act.Should().Throw<FormatException>().WithMessage("ORBENCH_SHARD: *'two of four'*");
    }

    [Fact]
    public void Constructor_rejects_out_of_range_values()
    {
        var act = () => new ShardSpec(0, 3);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*numbered from 1*");
    }
}
