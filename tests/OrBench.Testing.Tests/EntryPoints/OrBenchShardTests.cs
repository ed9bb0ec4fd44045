using FluentAssertions;
using Xunit;

namespace OrBench.Testing.Tests.EntryPoints;

public class OrBenchShardTests
{
    [Theory]
    [InlineData("3/8", 3, 8)]
    [InlineData("1/1", 1, 1)]
    [InlineData(" 2 / 4 ", 2, 4)]
    public void Parses_k_of_n(string value, int index, int count) =>
        OrBenchShard.Parse(value).Should().Be(new OrBenchShard(index, count));

    [Theory]
    [InlineData("0/8")]
    [InlineData("9/8")]
    [InlineData("3")]
    [InlineData("a/b")]
    [InlineData("-1/2")]
    public void Rejects_anything_else_naming_the_source(string value) =>
        FluentActions.Invoking(() => OrBenchShard.Parse(value, "ORBENCH_SHARD"))
            .Should().Throw<FormatException>().WithMessage($"ORBENCH_SHARD '{value}' is not a shard*");

    [Fact]
    public void Explicit_value_wins() =>
        OrBenchShard.Resolve("2/3").Should().Be(new OrBenchShard(2, 3));

    [Fact]
    public void Formats_back_to_k_of_n() =>
        new OrBenchShard(3, 8).ToString().Should().Be("3/8");
}
