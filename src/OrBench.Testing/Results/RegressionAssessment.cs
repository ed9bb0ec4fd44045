namespace OrBench.Testing.Results;

/// <summary>
/// Whether a result regressed from its baseline, decided as <c>NotRegressFrom</c> and <c>orbench run --max-regression</c>
/// decide it: more paired prompts flipped away from the expected behaviour than towards it, by more than
/// <see cref="Tolerance"/> of the paired prompts, and the imbalance is significant by the exact McNemar test at
/// <see cref="Alpha"/>, overall or in a category after Holm's correction across categories.
/// </summary>
public sealed record RegressionAssessment
{
    /// <summary>True when the result regressed overall or in at least one category.</summary>
    public bool Regressed => Overall || RegressingCategories.Count > 0;

    /// <summary>True when the overall imbalance exceeds the tolerance and is significant.</summary>
    public bool Overall { get; init; }

    /// <summary>Categories whose imbalance exceeds the tolerance and whose Holm-adjusted p-value is below alpha.</summary>
    public IReadOnlyList<CategoryComparison> RegressingCategories { get; init; } = [];

    /// <summary>Paired prompts that flipped away from the expected behaviour.</summary>
    public int Worse { get; init; }

    /// <summary>Paired prompts that flipped towards the expected behaviour.</summary>
    public int Better { get; init; }

    /// <summary>Prompts decided in both results.</summary>
    public int Paired { get; init; }

    /// <summary>The overall two-sided exact McNemar p-value.</summary>
    public double PValue { get; init; }

    /// <summary>The significance level.</summary>
    public double Alpha { get; init; }

    /// <summary>The net share of paired prompts allowed to flip away from the expected behaviour (0 = none).</summary>
    public double Tolerance { get; init; }

    /// <summary>Assesses <paramref name="comparison"/> at <paramref name="alpha"/> with <paramref name="tolerance"/> as the allowed net regression.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Alpha outside (0, 1) or tolerance outside [0, 1].</exception>
    public static RegressionAssessment Assess(ResultComparison comparison, double alpha = 0.05, double tolerance = 0)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        if (alpha is <= 0 or >= 1 || double.IsNaN(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must lie strictly between 0 and 1.");
        }

        if (tolerance is < 0 or > 1 || double.IsNaN(tolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance is a share between 0 and 1.");
        }

        var worse = comparison.Flips.Count(f => f.IsRegression);
        var better = comparison.Flips.Count - worse;
        var regressing = comparison.Categories
            .Where(c =>
            {
                var w = comparison.Flips.Count(f => f.Category == c.Category && f.IsRegression);
                var b = comparison.Flips.Count(f => f.Category == c.Category && !f.IsRegression);
                return Exceeds(w, b, c.Paired, tolerance) && c.AdjustedPValue < alpha;
            })
            .ToList();
        return new RegressionAssessment
        {
            Overall = Exceeds(worse, better, comparison.Paired, tolerance) && comparison.PValue < alpha,
            RegressingCategories = regressing,
            Worse = worse,
            Better = better,
            Paired = comparison.Paired,
            PValue = comparison.PValue,
            Alpha = alpha,
            Tolerance = tolerance,
        };
    }

    private static bool Exceeds(int worse, int better, int paired, double tolerance) =>
        worse > better && paired > 0 && (double)(worse - better) / paired > tolerance;
}
