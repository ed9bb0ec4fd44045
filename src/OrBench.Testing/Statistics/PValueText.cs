using System.Globalization;

namespace OrBench.Testing.Statistics;

/// <summary>
/// Writes a p-value with its relation, so a tiny p is never rounded to a misleading "p = 0": <c>= 0.0078</c> or
/// <c>&lt; 0.0001</c>, to follow "p" or "Holm-adjusted".
/// </summary>
internal static class PValueText
{
    private const double Smallest = 0.0001;

    public static string Relation(double p) =>
        p < Smallest
            ? "< " + Smallest.ToString("0.####", CultureInfo.InvariantCulture)
            : "= " + p.ToString("0.####", CultureInfo.InvariantCulture);
}
