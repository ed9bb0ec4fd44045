namespace OrBench.Testing.Data;

/// <summary>
/// Where a prompt set's bytes came from. Reports show it so nobody mistakes a 200-row stand-in for the full
/// benchmark: the row count alone does not say which file was scored, the hash does.
/// </summary>
/// <param name="FilePath">The file that was read (for a built-in set, <c>embedded:</c> and the file name).</param>
/// <param name="SizeBytes">Its length in bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of its bytes.</param>
/// <param name="Revision">The dataset revision for official and built-in files; null for custom sets.</param>
public sealed record PromptSetSource(string FilePath, long SizeBytes, string Sha256, string? Revision)
{
    /// <summary>
    /// The rows of the file that belong to this set, as loaded and before any category filter, sample or shard (for
    /// XSTest, the rows of its label: 250 safe or 200 unsafe of the file's 450). Repeated rows dropped by
    /// <see cref="DuplicatePromptHandling.KeepFirst"/> are counted, so a set smaller than this has lost prompts.
    /// </summary>
    public int RowCount { get; init; }

    /// <summary>
    /// True when <see cref="Sha256"/> is the hash of the file the benchmark's authors published
    /// (<see cref="OrBenchFiles.PublishedSha256"/>). Only then may a report call a complete set "all N published
    /// prompts"; a file with the right row count but other bytes (a reconstruction, a re-saved copy) is not it.
    /// </summary>
    public bool IsPublishedFile { get; init; }
}
