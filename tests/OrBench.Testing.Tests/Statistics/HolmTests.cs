using FluentAssertions;
using OrBench.Testing.Statistics;
using Xunit;

namespace OrBench.Testing.Tests.Stats;

public class HolmTests
{
    // Hand-computed step-down: sorted 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → max so far 0.06.
    [Fact]
    public void Adjusts_step_down_and_keeps_input_order() =>
        Holm.Adjust([0.01, 0.04, 0.03, 0.005]).Should().Equal([0.03, 0.06, 0.06, 0.02], (a, b) => Math.Abs(a - b) < 1e-12);

    [Fact]
    public void Caps_at_one() =>
        Holm.Adjust([0.6, 0.7]).Should().Equal(1.0, 1.0);

    [Fact]
    public void A_single_p_value_is_unchanged() =>
        Holm.Adjust([0.042]).Should().Equal(0.042);

    [Fact]
    public void Rejects_values_outside_the_unit_interval() =>
        FluentActions.Invoking(() => Holm.Adjust([0.1, 1.5])).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*position 1*");

    // Tied p-values get the same adjusted value (Holm 1979, step-down with the running maximum): sorted 0.01·3 = 0.03,
    // 0.01·2 = 0.02 → 0.03 carried, 0.04·1 = 0.04. Without the maximum the second 0.01 would print 0.02 < its twin's 0.03.
    [Fact]
    public void Ties_get_equal_adjusted_values_and_the_sequence_stays_monotone() =>
        Holm.Adjust([0.04, 0.01, 0.01]).Should().Equal([0.04, 0.03, 0.03], (a, b) => Math.Abs(a - b) < 1e-12);

    [Fact]
    public void NaN_is_rejected() =>
        FluentActions.Invoking(() => Holm.Adjust([0.1, double.NaN])).Should().Throw<ArgumentOutOfRangeException>();
}
