using FluentAssertions;
using OrBench.Testing.Statistics;
using Xunit;

namespace OrBench.Testing.Tests.Stats;

public class NormalTests
{
    // Reference quantiles of the standard normal to 15 digits, as tabulated in e.g. NIST/SEMATECH e-Handbook of
    // Statistical Methods, §1.3.6.7.1, and Abramowitz & Stegun (1964) Table 26.5.
    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.95, 1.644853626951472)]
    [InlineData(0.995, 2.575829303548901)]
    [InlineData(0.01, -2.326347874040841)]
    [InlineData(0.001, -3.090232306167814)]
    [InlineData(0.999999, 4.753424308822899)]
    public void Quantile_matches_published_values(double p, double expected) =>
        Normal.Quantile(p).Should().BeApproximately(expected, 1e-8);

    // Φ(x) reference values: Abramowitz & Stegun (1964) Table 26.1.
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.8413447460685429)]
    [InlineData(-1.0, 0.15865525393145707)]
    [InlineData(1.959963984540054, 0.975)]
    [InlineData(-3.0, 0.0013498980316301)]
    [InlineData(2.5, 0.9937903346742238)]
    public void Cdf_matches_published_values(double x, double expected) =>
        Normal.Cdf(x).Should().BeApproximately(expected, 1e-7);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    public void Quantile_rejects_probabilities_outside_the_open_unit_interval(double p) =>
        FluentActions.Invoking(() => Normal.Quantile(p)).Should().Throw<ArgumentOutOfRangeException>();
}
