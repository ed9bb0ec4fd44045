namespace OrBench.Testing.Statistics;

/// <summary>
/// Holm's step-down correction (Holm 1979) for testing several categories at once: it controls the chance of
/// any false alarm across all of them while being uniformly more powerful than Bonferroni.
/// </summary>
public static class Holm
{
    /// <summary>Returns the Holm-adjusted p-values in the order of <paramref name="pValues"/>; compare each with the family-wise alpha.</summary>
    public static IReadOnlyList<double> Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        var adjusted = new double[m];
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            var index = order[rank];
            var p = pValues[index];
            if (double.IsNaN(p) || p is < 0 or > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(pValues), p, $"p-value at position {index} must lie in [0, 1].");
            }

            running = Math.Max(running, Math.Min(1, (m - rank) * p));
            adjusted[index] = running;
        }

        return adjusted;
    }
}
