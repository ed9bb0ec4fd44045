namespace OrBench.Testing.Statistics;

/// <summary>
/// The Wilson score interval for a binomial proportion (Wilson 1927). Chosen over the normal ("Wald")
/// interval because it stays inside [0, 1] and keeps its coverage at rates near 0 — exactly where
/// over-refusal gates live.
/// </summary>
internal static class WilsonInterval
{
    /// <summary>Returns (lower, upper) for <paramref name="count"/> successes in <paramref name="n"/> trials; (0, 1) when n is 0.</summary>
    public static (double Lower, double Upper) Compute(int count, int n, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, count);
        if (confidence is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must lie strictly between 0 and 1.");
        }

        if (n == 0)
        {
            return (0, 1);
        }

        var z = Normal.Quantile(1 - ((1 - confidence) / 2));
        var z2 = z * z;

        // At 0/n and n/n the general formula's centre and half-width are equal in exact arithmetic but differ by an ulp in
        // floating point, which left a lower bound of 2.8e-17 at 0/5: a gate at threshold 0 then "failed" on zero
        // offending prompts. The closed forms are exact: (0, z²/(n + z²)) and (n/(n + z²), 1).
        if (count == 0)
        {
            return (0, z2 / (n + z2));
        }

        if (count == n)
        {
            return (n / (n + z2), 1);
        }

        var p = (double)count / n;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n))) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
