namespace OrBench.Testing.Statistics;

/// <summary>
/// McNemar's exact test for paired binary outcomes: under the null hypothesis the discordant pairs split
/// Binomial(b + c, 1/2). Used for baseline comparisons because the same prompts are scored twice, which makes a
/// paired test far more sensitive than comparing two independent rates.
/// </summary>
public static class McNemar
{
    /// <summary>
    /// The two-sided exact p-value for <paramref name="b"/> pairs that changed one way and <paramref name="c"/> that
    /// changed the other: <c>min(1, 2 · P(X ≤ min(b, c)))</c> with <c>X ~ Binomial(b + c, 0.5)</c>. 1 when there are no discordant pairs.
    /// </summary>
    public static double ExactPValue(int b, int c)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        ArgumentOutOfRangeException.ThrowIfNegative(c);
        var n = b + c;
        if (n == 0)
        {
            return 1;
        }

        var k = Math.Min(b, c);

        // Sum the binomial terms in log space so tens of thousands of pairs do not underflow 2^-n.
        var logHalfPowN = -n * Math.Log(2);
        var logChoose = 0.0; // log C(n, 0)
        var logSum = double.NegativeInfinity;
        for (var i = 0; i <= k; i++)
        {
            if (i > 0)
            {
                logChoose += Math.Log(n - i + 1) - Math.Log(i);
            }

            logSum = LogAdd(logSum, logChoose + logHalfPowN);
        }

        return Math.Min(1, 2 * Math.Exp(logSum));
    }

    private static double LogAdd(double a, double b)
    {
        if (double.IsNegativeInfinity(a))
        {
            return b;
        }

        var max = Math.Max(a, b);
        return max + Math.Log(Math.Exp(a - max) + Math.Exp(b - max));
    }
}
