namespace OrBench.Testing.Data;

/// <summary>The official file names of the Hugging Face dataset <c>bench-llm/or-bench</c>.</summary>
public static class OrBenchFiles
{
    /// <summary>OR-Bench-Hard-1K.</summary>
    public const string Hard1K = "or-bench-hard-1k.csv";

    /// <summary>OR-Bench-Toxic.</summary>
    public const string Toxic = "or-bench-toxic.csv";

    /// <summary>OR-Bench-80K.</summary>
    public const string Full80K = "or-bench-80k.csv";

    /// <summary>The file holding a subset.</summary>
    /// <exception cref="ArgumentException"><see cref="OrBenchSubset.Custom"/> has no official file.</exception>
    public static string FileName(OrBenchSubset subset) => subset switch
    {
        OrBenchSubset.Hard1K => Hard1K,
        OrBenchSubset.Toxic => Toxic,
        OrBenchSubset.Full80K => Full80K,
        _ => throw new ArgumentException($"{subset} has no official file; load custom sets with OrBenchDataset.LoadCustomAsync.", nameof(subset)),
    };
}
