using System.Text;
using OrBench.Testing.IO;
using OrBench.Testing.Results;

namespace OrBench.Testing.Snapshots;

/// <summary>Naming, reading and writing of <c>.verified.jsonl</c> / <c>.received.jsonl</c> files.</summary>
public static class SnapshotFiles
{
    /// <summary>Suffix of the committed file.</summary>
    public const string VerifiedSuffix = ".verified.jsonl";

    /// <summary>Suffix of the file written on a mismatch.</summary>
    public const string ReceivedSuffix = ".received.jsonl";

    /// <summary>The verified path for <paramref name="stem"/> (e.g. <c>SafetyGates.Hard1K</c>) in <paramref name="directory"/> (a relative one under the test project's directory, see <see cref="ProjectPaths"/>).</summary>
    public static string VerifiedPath(string directory, string stem) => Path.Combine(ProjectPaths.Resolve(directory), stem + VerifiedSuffix);

    /// <summary>The received path for <paramref name="stem"/> in <paramref name="directory"/>.</summary>
    public static string ReceivedPath(string directory, string stem) => Path.Combine(ProjectPaths.Resolve(directory), stem + ReceivedSuffix);

    /// <summary>The JSONL text: one record per line, sorted by id then repeat, LF line ends.</summary>
    public static string Format(IEnumerable<SnapshotRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var builder = new StringBuilder();
        foreach (var record in records.OrderBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => r.Repeat))
        {
            builder.Append(record.ToJsonLine()).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Reads a snapshot file.</summary>
    /// <exception cref="ResultFileException">A line is not a valid snapshot record; the message names file and line.</exception>
    public static async Task<IReadOnlyList<SnapshotRecord>> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        Parse(await File.ReadAllLinesAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false), path);

    /// <summary>The synchronous <see cref="ReadAsync"/>, for a synchronous assertion.</summary>
    internal static IReadOnlyList<SnapshotRecord> Read(string path) => Parse(File.ReadAllLines(path, Encoding.UTF8), path);

    private static List<SnapshotRecord> Parse(string[] lines, string path)
    {
        var records = new List<SnapshotRecord>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                records.Add(SnapshotRecord.Parse(lines[i], path, i + 1));
            }
        }

        return records;
    }

    internal static Task WriteAsync(string path, string content, CancellationToken cancellationToken = default) =>
        AtomicFile.WriteAllTextAsync(path, content, cancellationToken);

    internal static void Write(string path, string content) => AtomicFile.WriteAllText(path, content);
}
