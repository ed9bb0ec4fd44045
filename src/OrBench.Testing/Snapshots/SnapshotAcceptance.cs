using System.Text;

namespace OrBench.Testing.Snapshots;

/// <summary>Accepting received snapshots: what <c>orbench accept [PATH]</c> does.</summary>
public static class SnapshotAcceptance
{
    /// <summary>
    /// Moves every <c>*.received.jsonl</c> over its <c>*.verified.jsonl</c>. <paramref name="path"/> may be a received file, a
    /// verified file (its received sibling is accepted) or a directory (searched recursively, skipping <c>bin</c> and <c>obj</c>).
    /// Returns the verified files that were replaced or created, sorted.
    /// </summary>
    /// <exception cref="FileNotFoundException">The path does not exist.</exception>
    /// <exception cref="Results.ResultFileException">A received file is not valid snapshot JSON Lines; nothing was accepted.</exception>
    public static IReadOnlyList<string> Accept(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        IEnumerable<string> received;
        if (Directory.Exists(full))
        {
            // Symbolic links are not followed (a link back up the tree would list one file under many paths, and a link
            // out of it would accept snapshots elsewhere), and unreadable directories are skipped rather than fatal.
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
            received = Directory.EnumerateFiles(full, "*" + SnapshotFiles.ReceivedSuffix, options)
                .Where(f => !IsBuildOutput(Path.GetRelativePath(full, f)));
        }
        else if (full.EndsWith(SnapshotFiles.ReceivedSuffix, StringComparison.Ordinal) && File.Exists(full))
        {
            received = [full];
        }
        else if (full.EndsWith(SnapshotFiles.VerifiedSuffix, StringComparison.Ordinal))
        {
            var sibling = full[..^SnapshotFiles.VerifiedSuffix.Length] + SnapshotFiles.ReceivedSuffix;
            received = File.Exists(sibling) ? [sibling] : [];
        }
        else
        {
            throw new FileNotFoundException($"Nothing to accept at '{path}': expected a directory, a *{SnapshotFiles.ReceivedSuffix} file or a *{SnapshotFiles.VerifiedSuffix} file.", full);
        }

        // All or nothing: a received file that does not parse (hand-edited, truncated) would otherwise become the
        // verified file and fail every later run with an error far from its cause.
        var files = received.Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file, Encoding.UTF8);
            for (var i = 0; i < lines.Length; i++)
            {
                if (!string.IsNullOrWhiteSpace(lines[i]))
                {
                    SnapshotRecord.Parse(lines[i], file, i + 1);
                }
            }
        }

        var accepted = new List<string>();
        foreach (var file in files)
        {
            var verified = file[..^SnapshotFiles.ReceivedSuffix.Length] + SnapshotFiles.VerifiedSuffix;
            File.Move(file, verified, overwrite: true);
            accepted.Add(verified);
        }

        return accepted;
    }

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part is "bin" or "obj");
}
