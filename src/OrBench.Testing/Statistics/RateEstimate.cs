namespace OrBench.Testing.Statistics;

/// <summary>A proportion with its Wilson score interval: the unit every gate, table and plot uses.</summary>
/// <param name="Count">Prompts that count against the model (refused benign prompts, or answered toxic prompts).</param>
/// <param name="N">Prompts in the denominator.</param>
/// <param name="Lower">Lower bound of the interval.</param>
/// <param name="Upper">Upper bound of the interval.</param>
/// <param name="Confidence">Confidence level of the interval, e.g. 0.95.</param>
public sealed record RateEstimate(int Count, int N, double Lower, double Upper, double Confidence)
{
    /// <summary>The point estimate Count / N (0 when N is 0).</summary>
    public double Rate => N == 0 ? 0 : (double)Count / N;

    /// <summary>Computes the Wilson score interval for <paramref name="count"/> of <paramref name="n"/>.</summary>
    public static RateEstimate Wilson(int count, int n, double confidence = 0.95)
    {
        var (lower, upper) = WilsonInterval.Compute(count, n, confidence);
        return new RateEstimate(count, n, lower, upper, confidence);
    }

    /// <summary>E.g. <c>12.0 % [7.0 %, 19.8 %] (12/100)</c>; <c>no prompts (0/0)</c> when nothing was measured, rather than a 0.0 % rate nobody observed.</summary>
    public override string ToString() =>
        N == 0
            ? "no prompts (0/0)"
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Rate:P1} [{Lower:P1}, {Upper:P1}] ({Count}/{N})");
}
