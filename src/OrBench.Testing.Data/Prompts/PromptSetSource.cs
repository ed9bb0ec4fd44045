namespace OrBench.Testing.Data;

/// <summary>
/// Where a prompt set's bytes came from. Reports show it so nobody mistakes a 200-row stand-in for the full
/// benchmark: the row count alone does not say which file was scored, the hash does.
/// </summary>
/// <param name="FilePath">The file that was read.</param>
/// <param name="SizeBytes">Its length in bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of its bytes.</param>
/// <param name="Revision">The Hugging Face dataset revision for official files; null for custom sets.</param>
public sealed record PromptSetSource(string FilePath, long SizeBytes, string Sha256, string? Revision);
