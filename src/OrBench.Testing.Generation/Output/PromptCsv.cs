using nietras.SeparatedValues;
using OrBench.Testing.Generation.Checkpoints;
using OrBench.Testing.IO;

namespace OrBench.Testing.Generation.Output;

/// <summary>
/// Writes and reads prompt sets in the OR-Bench schema: header <c>prompt,category</c>, RFC 4180 quoting (fields with a
/// comma, quote or line break are quoted, quotes doubled), UTF-8 without BOM, written atomically.
/// </summary>
public static class PromptCsv
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
                writer.NewLine = "\r\n";
                using var csv = Sep.New(',').Writer(o => o with { Escape = true }).To(writer, leaveOpen: true);
                csv.Header.Add(["prompt", "category"]);
                foreach (var (prompt, category) in rows)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    using var row = csv.NewRow();
                    row["prompt"].Set(prompt);
                    row["category"].Set(category);
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

        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(path);
        if (!reader.Header.ColNames.Contains("prompt") || !reader.Header.ColNames.Contains("category"))
        {
            throw new GenerationException($"Prompt file '{path}' must have the columns 'prompt' and 'category' (found: {string.Join(", ", reader.Header.ColNames)}).") { Path = path };
        }

        var rows = new List<(string, string)>();
        foreach (var row in reader)
        {
            rows.Add((row["prompt"].ToString(), row["category"].ToString()));
        }

        return rows;
    }
}
