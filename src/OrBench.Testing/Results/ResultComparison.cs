namespace OrBench.Testing.Results;

/// <summary>
/// A paired comparison of the current result against a baseline over the prompts both contain: verdict flips,
/// McNemar's exact test overall and per category, with Holm's correction across categories.
/// </summary>
public sealed record ResultComparison
{
    /// <summary>Every flip, sorted by category then id.</summary>
    public required IReadOnlyList<PromptFlip> Flips { get; init; }

    /// <summary>Prompts present in both results.</summary>
    public int Paired { get; init; }

    /// <summary>Two-sided exact McNemar p-value over all paired prompts.</summary>
    public double PValue { get; init; }

    /// <summary>Per-category comparisons, ordered by category name.</summary>
    public IReadOnlyList<CategoryComparison> Categories { get; init; } = [];

    /// <summary>Compares <paramref name="current"/> with <paramref name="baseline"/>, pairing records by id and repeat.</summary>
    public static ResultComparison Compare(OrBenchResult baseline, OrBenchResult current) =>
        throw new NotImplementedException("Contract stub: implemented by the Result stage.");
}
