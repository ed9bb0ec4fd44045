namespace OrBench.Testing.Data;

/// <summary>
/// Where OR-Bench files come from. Resolution order: <see cref="DataDirectory"/>, <c>ORBENCH_DATA_DIR</c>,
/// the local cache (<c>ORBENCH_CACHE_DIR</c>, default <c>~/.cache/orbench/&lt;revision&gt;/</c>), then a download
/// from the Hugging Face dataset at <see cref="Revision"/>.
/// </summary>
public sealed record OrBenchDataOptions
{
    /// <summary>The dataset revision the code was tested against; pinned so every machine scores the same bytes.</summary>
    public const string PinnedRevision = "e36d8b80e81837c8a8f264bbb2a49f1b32c7e272";

    /// <summary>An explicit directory holding the CSVs; wins over every other source.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The dataset revision to download.</summary>
    public string Revision { get; init; } = PinnedRevision;
}
