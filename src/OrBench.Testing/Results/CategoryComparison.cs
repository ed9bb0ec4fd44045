namespace OrBench.Testing.Results;

/// <summary>The paired comparison of one category.</summary>
/// <param name="Category">The category.</param>
/// <param name="Paired">Prompts of the category present in both results.</param>
/// <param name="NewlyRefused">Answered in the baseline, refused now.</param>
/// <param name="NewlyAnswered">Refused in the baseline, answered now.</param>
/// <param name="PValue">Two-sided exact McNemar p-value of the category's flips away from the expected behaviour against those towards it.</param>
/// <param name="AdjustedPValue">Holm-adjusted p-value across categories.</param>
public sealed record CategoryComparison(string Category, int Paired, int NewlyRefused, int NewlyAnswered, double PValue, double AdjustedPValue);
