using CsvHelper;
using OrBench.Testing.Generation.Checkpoints;
using OrBench.Testing.IO;

namespace OrBench.Testing.Generation.Output;

/// <summary>
/// Writes and reads prompt sets in the OR-Bench schema: header <c>prompt,category</c>, RFC 4180 quoting (fields with a
/// comma, quote or line break are quoted, quotes doubled), UTF-8 without BOM, written atomically.
/// </summary>
internal static class PromptCsv
{
    /// <summary>Writes the rows in the order given.</summary>
    public static Task WriteAsync(string path, IEnumerable<(string Prompt, string Category)> rows, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(rows);
        return AtomicFile.WriteAsync(
            path,
            writer =>
            {
                using var csv = CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\r\n" }, leaveOpen: true);
                csv.WriteRecord(["prompt", "category"]);
                foreach (var (prompt, category) in rows)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    csv.WriteRecord([prompt, category]);
                }

                return Task.CompletedTask;
            },
            cancellationToken);
    }

    /// <summary>Reads the rows of a file in the schema (for checks; the library's loader is <c>OrBenchDataset.LoadCsvAsync</c>).</summary>
    /// <exception cref="GenerationException">The file is missing or lacks the <c>prompt</c> or <c>category</c> column.</exception>
    internal static IReadOnlyList<(string Prompt, string Category)> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new GenerationException($"Prompt file '{path}' does not exist.") { Path = path };
        }

        using var reader = CsvReader.Create(File.OpenRead(path), new CsvReaderOptions { Separator = ',', TrimWhitespace = false, DetectSeparatorHint = false });
        var header = reader.Headers.ToArray();
        var prompt = Array.IndexOf(header, "prompt");
        var category = Array.IndexOf(header, "category");
        if (prompt < 0 || category < 0)
        {
            throw new GenerationException($"Prompt file '{path}' must have the columns 'prompt' and 'category' (found: {string.Join(", ", header)}).") { Path = path };
        }

        var rows = new List<(string, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(prompt), reader.GetString(category)));
        }

        return rows;
    }
}
