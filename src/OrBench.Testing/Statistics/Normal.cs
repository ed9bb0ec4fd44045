namespace OrBench.Testing.Statistics;

/// <summary>The standard normal distribution: enough of it for intervals and power calculations.</summary>
public static class Normal
{
    /// <summary>The inverse CDF (quantile) of the standard normal, by Acklam's rational approximation (relative error below 1.2e-9, far below what any gate can resolve).</summary>
    public static double Quantile(double p)
    {
        if (p is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "Probability must lie strictly between 0 and 1.");
        }

        ReadOnlySpan<double> a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        ReadOnlySpan<double> b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        ReadOnlySpan<double> c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        ReadOnlySpan<double> d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        double x;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            x = (((((((c[0] * q) + c[1]) * q) + c[2]) * q) + c[3]) * q + c[4]) * q + c[5];
            x /= (((((d[0] * q) + d[1]) * q) + d[2]) * q + d[3]) * q + 1;
        }
        else if (p <= 1 - low)
        {
            var q = p - 0.5;
            var r = q * q;
            x = (((((((a[0] * r) + a[1]) * r) + a[2]) * r) + a[3]) * r + a[4]) * r + a[5];
            x = x * q / ((((((((b[0] * r) + b[1]) * r) + b[2]) * r) + b[3]) * r + b[4]) * r + 1);
        }
        else
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            x = -((((((((c[0] * q) + c[1]) * q) + c[2]) * q) + c[3]) * q + c[4]) * q + c[5]);
            x /= (((((d[0] * q) + d[1]) * q) + d[2]) * q + d[3]) * q + 1;
        }

        return x;
    }

    /// <summary>The standard normal CDF (absolute error below 1e-7).</summary>
    public static double Cdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    // Numerical Recipes' Chebyshev fit of erfc: fractional error below 1.2e-7 everywhere.
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var poly = -1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806 + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        var r = t * Math.Exp(-(z * z) + poly);
        return x >= 0 ? r : 2 - r;
    }
}
