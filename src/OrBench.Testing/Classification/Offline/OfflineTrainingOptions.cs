namespace OrBench.Testing.Classification.Offline;

/// <summary>Hyper-parameters of <see cref="OfflineModelTrainer"/>. The defaults are the shipped model's.</summary>
internal sealed record OfflineTrainingOptions
{
    /// <summary>log2 of the hashed bucket count.</summary>
    public int BucketBits { get; init; } = 18;

    /// <summary>L2 penalty (on the weighted mean log-loss) on all weights except the bias.</summary>
    public double L2 { get; init; } = 1e-4;

    /// <summary>L-BFGS iterations per head.</summary>
    public int Iterations { get; init; } = 80;

    /// <summary>
    /// Share of the total training weight each source gets (sources not named share what is left equally);
    /// within a source each class gets half of it, so a source that mostly refuses does not teach "refuse".
    /// </summary>
    public IReadOnlyDictionary<string, double> SourceShares { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);
}
