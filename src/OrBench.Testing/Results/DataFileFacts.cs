using System.Globalization;
using OrBench.Testing.Data;

namespace OrBench.Testing.Results;

/// <summary>
/// The data file a run's prompts came from, as result metadata: rows, SHA-256 and whether it is the published file.
/// Written by every run (library and <c>orbench run</c>) so a report can say "all 1,319 prompts" only when the file
/// says so, and so two results measured on different files are told apart.
/// </summary>
public static class DataFileFacts
{
    /// <summary>Metadata key: the data file's row count before categories, sample or shard (<see cref="PromptSetSource.RowCount"/>).</summary>
    public const string RowCountKey = "dataFileRows";

    /// <summary>Metadata key: the lower-case hex SHA-256 of the data file's bytes (<see cref="PromptSetSource.Sha256"/>).</summary>
    public const string Sha256Key = "dataFileSha256";

    /// <summary>Metadata key: <c>true</c> when the file is the one the benchmark's authors published (<see cref="PromptSetSource.IsPublishedFile"/>).</summary>
    public const string PublishedFileKey = "dataFilePublished";

    /// <summary>Adds the facts of <paramref name="prompts"/>' source file to <paramref name="metadata"/>; a set with no file (built in code) adds none.</summary>
    public static void AddTo(IDictionary<string, string> metadata, PromptSet prompts)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(prompts);
        if (prompts.Source is not { } source)
        {
            return;
        }

        if (source.RowCount > 0)
        {
            metadata[RowCountKey] = source.RowCount.ToString(CultureInfo.InvariantCulture);
        }

        metadata[Sha256Key] = source.Sha256;
        metadata[PublishedFileKey] = source.IsPublishedFile ? "true" : "false";
    }
}
