using OrBench.Testing.Gates;
using OrBench.Testing.Statistics;

namespace OrBench.Testing.Reporting.Tuning;

/// <summary>
/// Power of a one-sided, one-sample test of a proportion (normal approximation): how large a rise of a rate a run of
/// n prompts detects, and how many prompts a chosen rise needs. Today's rate p0 is treated as the known reference,
/// as a threshold gate does; a paired comparison against a baseline (McNemar) has different power.
/// </summary>
/// <remarks>
/// With z_a = Φ⁻¹(confidence) (one-sided) and z_b = Φ⁻¹(power), a true rate p1 = p0 + d is detected with the requested
/// power when <c>d·√n = z_a·√(p0(1−p0)) + z_b·√(p1(1−p1))</c> (the standard sample-size formula, e.g. Chow, Shao &amp; Wang,
/// <i>Sample Size Calculations in Clinical Research</i>, §4.1). Solved for n it gives <see cref="PromptsNeeded"/>; solved for
/// d (squaring gives a quadratic) it gives <see cref="MinimumDetectableRise"/>.
/// </remarks>
internal static class RegressionPower
{
    /// <summary>
    /// The smallest rise d of the rate above <paramref name="rate"/> that a run of <paramref name="n"/> prompts detects with
    /// probability <paramref name="power"/> in a one-sided test at level 1 − <paramref name="confidence"/>. It is the larger root
    /// of <c>(n + z_b²)·d² − (2·a·√n + z_b²·(1 − 2·p0))·d + (a² − z_b²·p0·(1−p0)) = 0</c> with <c>a = z_a·√(p0(1−p0))</c>.
    /// Null when n is 0 or not even a rise to 100 % would be detected.
    /// </summary>
    public static double? MinimumDetectableRise(double rate, int n, double confidence = 0.95, double power = 0.80)
    {
        Validate(rate, confidence, power);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (n == 0)
        {
            return null;
        }

        var za = Normal.Quantile(confidence);
        var zb = Normal.Quantile(power);
        var q0 = 1 - rate;
        var a = za * Math.Sqrt(rate * q0);
        var sqrtN = Math.Sqrt(n);
        var quadratic = n + (zb * zb);
        var linear = (2 * a * sqrtN) + (zb * zb * (q0 - rate));
        var constant = (a * a) - (zb * zb * rate * q0);
        var discriminant = (linear * linear) - (4 * quadratic * constant);
        if (discriminant < 0)
        {
            return null;
        }

        var rise = (linear + Math.Sqrt(discriminant)) / (2 * quadratic);
        return rise > q0 + 1e-12 ? null : Math.Min(rise, q0);
    }

    /// <summary>
    /// Prompts needed to detect a rise of <paramref name="rise"/> above <paramref name="rate"/> with probability
    /// <paramref name="power"/> (one-sided, level 1 − <paramref name="confidence"/>):
    /// <c>n = ⌈((z_a·√(p0(1−p0)) + z_b·√(p1(1−p1))) / d)²⌉</c> with p1 = p0 + d. Null when p0 + d exceeds 1.
    /// </summary>
    public static int? PromptsNeeded(double rate, double rise, double confidence = 0.95, double power = 0.80)
    {
        Validate(rate, confidence, power);
        if (rise is <= 0 or > 1 || double.IsNaN(rise))
        {
            throw new ArgumentOutOfRangeException(nameof(rise), rise, "The rise to detect must lie in (0, 1], e.g. 0.03 for three percentage points.");
        }

        var raised = rate + rise;
        if (raised > 1 + 1e-12)
        {
            return null;
        }

        raised = Math.Min(raised, 1);
        var za = Normal.Quantile(confidence);
        var zb = Normal.Quantile(power);
        var root = ((za * Math.Sqrt(rate * (1 - rate))) + (zb * Math.Sqrt(raised * (1 - raised)))) / rise;

        // Guard the ceiling against floating-point noise such as 1234.0000000001.
        return (int)Math.Ceiling((root * root) - 1e-9);
    }

    private static void Validate(double rate, double confidence, double power)
    {
        if (rate is < 0 or > 1 || double.IsNaN(rate))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "A rate must lie between 0 and 1.");
        }

        if (confidence is <= 0 or >= 1 || double.IsNaN(confidence))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must lie strictly between 0 and 1.");
        }

        if (power is <= 0 or >= 1 || double.IsNaN(power))
        {
            throw new ArgumentOutOfRangeException(nameof(power), power, "Power must lie strictly between 0 and 1.");
        }
    }
}
