using FluentAssertions;
using OrBench.Testing.Statistics;
using Xunit;

namespace OrBench.Testing.Tests.Stats;

public class WilsonIntervalTests
{
    // Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of seven methods",
    // Statistics in Medicine 17:857–872, Table II, method 3 (Wilson score interval without continuity correction), 95 %.
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Bounds_match_Newcombe_1998_table_II(int count, int n, double lower, double upper)
    {
        var (lo, hi) = WilsonInterval.Compute(count, n);

        lo.Should().BeApproximately(lower, 0.00005);
        hi.Should().BeApproximately(upper, 0.00005);
    }

    // Hand computation for 0/10 at 95 %: the lower bound is 0 and the upper is z²/(n + z²) = 3.8415/13.8415 = 0.27753.
    [Fact]
    public void Zero_successes_give_the_closed_form_upper_bound()
    {
        var (lo, hi) = WilsonInterval.Compute(0, 10);

        lo.Should().Be(0);
        hi.Should().BeApproximately(0.27753, 0.00001);
    }

    // Hand computation for 5/10 at 99 % (z = 2.575829): centre 0.5, half-width z·sqrt(0.025 + z²/400)/(1 + z²/10) = 0.52529/1.66349 = 0.31577.
    [Fact]
    public void Confidence_level_is_configurable()
    {
        var estimate = RateEstimate.Wilson(5, 10, 0.99);

        estimate.Lower.Should().BeApproximately(0.5 - 0.31577, 0.00002);
        estimate.Upper.Should().BeApproximately(0.5 + 0.31577, 0.00002);
        estimate.Confidence.Should().Be(0.99);
    }

    // At 0/n the Wilson lower bound is exactly 0 and at n/n the upper bound is exactly 1 (put p = 0 or 1 in the formula:
    // centre and half-width are both (z²/2n)/(1 + z²/n)). The general formula left ulp-sized residues (e.g. 2.8e-17 at 0/5),
    // which made a gate at threshold 0 fail on zero offending prompts.
    [Theory]
    [InlineData(0.80)]
    [InlineData(0.90)]
    [InlineData(0.95)]
    [InlineData(0.99)]
    [InlineData(0.999)]
    public void The_ends_of_the_scale_are_exact(double confidence)
    {
        for (var n = 1; n <= 3000; n++)
        {
            WilsonInterval.Compute(0, n, confidence).Lower.Should().Be(0, "0/{0} at {1}", n, confidence);
            WilsonInterval.Compute(n, n, confidence).Upper.Should().Be(1, "{0}/{0} at {1}", n, confidence);
        }
    }

    // Hand computation for 20/20 at 95 %: the upper bound is 1 and the lower is n/(n + z²) = 20/23.8415 = 0.83887
    // (the mirror image of Newcombe's 0/20 row above, 1 − 0.1611).
    [Fact]
    public void All_successes_give_the_closed_form_lower_bound()
    {
        var (lo, hi) = WilsonInterval.Compute(20, 20);

        lo.Should().BeApproximately(0.83887, 0.00001);
        hi.Should().Be(1);
    }

    // z at 90 % is 1.644854 (two-sided; standard normal table). 0/10: upper = z²/(n + z²) = 2.705545/12.705545 = 0.212942.
    [Fact]
    public void Ninety_percent_uses_its_own_quantile()
    {
        var (lo, hi) = WilsonInterval.Compute(0, 10, 0.90);

        lo.Should().Be(0);
        hi.Should().BeApproximately(0.212942, 0.000002);
    }

    [Fact]
    public void No_observations_give_the_whole_unit_interval() =>
        WilsonInterval.Compute(0, 0).Should().Be((0.0, 1.0));

    [Fact]
    public void More_successes_than_trials_are_rejected() =>
        FluentActions.Invoking(() => WilsonInterval.Compute(5, 4)).Should().Throw<ArgumentOutOfRangeException>();
}
