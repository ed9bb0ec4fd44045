using FluentAssertions;
using OrBench.Testing.Statistics;
using Xunit;

namespace OrBench.Testing.Tests.Stats;

public class McNemarTests
{
    // Fagerland MW, Lydersen S, Laake P (2013), "The McNemar test for binary matched-pairs data: mid-p and asymptotic
    // are better than exact conditional", BMC Medical Research Methodology 13:91 — airway hyper-responsiveness example
    // (Bentur et al. 2009) with 1 and 7 discordant pairs: exact conditional p = 0.070 (= 2·9/256 = 0.0703125).
    [Fact]
    public void Matches_the_published_Fagerland_2013_example() =>
        McNemar.ExactPValue(1, 7).Should().BeApproximately(0.0703125, 1e-12);

    // Hand-computed: p = min(1, 2·Σ_{i≤min(b,c)} C(b+c, i) / 2^(b+c)).
    [Theory]
    [InlineData(1, 9, 22.0 / 1024)]     // 2·(1 + 10)/1024
    [InlineData(9, 1, 22.0 / 1024)]     // symmetric
    [InlineData(0, 5, 0.0625)]          // 2·1/32
    [InlineData(2, 10, 158.0 / 4096)]   // 2·(1 + 12 + 66)/4096
    [InlineData(3, 3, 1.0)]             // 2·42/64 > 1, capped
    [InlineData(0, 0, 1.0)]             // no discordant pairs
    public void Matches_hand_computed_values(int b, int c, double expected) =>
        McNemar.ExactPValue(b, c).Should().BeApproximately(expected, 1e-12);

    // 0 of 2000 discordant pairs one way: p = 2·2^-2000, which underflows to 0 in double; log-space summation must not return NaN.
    [Fact]
    public void Large_counts_do_not_overflow_or_produce_NaN()
    {
        McNemar.ExactPValue(0, 2000).Should().Be(0);
        McNemar.ExactPValue(40_000, 40_000).Should().BeApproximately(1.0, 1e-9);
    }

    [Fact]
    public void Negative_counts_are_rejected() =>
        FluentActions.Invoking(() => McNemar.ExactPValue(-1, 3)).Should().Throw<ArgumentOutOfRangeException>();
}
