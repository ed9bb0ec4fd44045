using System.Text;
using OrBench.Testing.Results;

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
    /// <exception cref="Results.ResultFileException">A received file is not valid snapshot JSON Lines, holds no record, holds a prompt and repeat twice, or its verified path is a directory; nothing was accepted.</exception>
    /// <exception cref="IOException">A move failed; the moves already made were undone.</exception>
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

        // All or nothing. Everything is validated before anything moves: a received file that does not parse, holds no
        // record, repeats a prompt, or whose verified file is blocked by a directory would otherwise become (or fail to
        // become) the verified file half-way through, and fail every later run with an error far from its cause.
        var files = received.Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            Validate(file);
        }

        return MoveAll(files);
    }

    private static void Validate(string file)
    {
        var verified = VerifiedPath(file);
        if (Directory.Exists(verified))
        {
            throw new ResultFileException(verified, null, "is a directory, so the received snapshot cannot replace it; remove or rename the directory.");
        }

        var lines = File.ReadAllLines(file, Encoding.UTF8);
        var seen = new Dictionary<(string Id, int Repeat), int>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var record = SnapshotRecord.Parse(lines[i], file, i + 1);
            if (!seen.TryAdd((record.Id, record.Repeat), i + 1))
            {
                throw new ResultFileException(file, i + 1, $"record '{record.Id}' (repeat {record.Repeat}) is also on line {seen[(record.Id, record.Repeat)]}; a snapshot holds each prompt and repeat once.");
            }
        }

        if (seen.Count == 0)
        {
            throw new ResultFileException(file, null, "holds no snapshot record (empty file); a run that recorded nothing is not a snapshot to accept.");
        }
    }

    /// <summary>
    /// Moves every received file over its verified file; if one move fails, the moves already made are undone (each
    /// replaced verified file was set aside first), so the snapshots are accepted as a set or not at all.
    /// </summary>
    private static List<string> MoveAll(List<string> files)
    {
        var done = new List<(string Received, string Verified, string? Backup)>();
        try
        {
            foreach (var file in files)
            {
                var verified = VerifiedPath(file);
                string? backup = null;
                if (File.Exists(verified))
                {
                    backup = verified + ".orbench-accept-" + Guid.NewGuid().ToString("N");
                    File.Move(verified, backup);
                }

                done.Add((file, verified, backup));
                File.Move(file, verified);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            for (var i = done.Count - 1; i >= 0; i--)
            {
                var (receivedPath, verifiedPath, backupPath) = done[i];
                if (File.Exists(verifiedPath) && !File.Exists(receivedPath))
                {
                    File.Move(verifiedPath, receivedPath);
                }

                if (backupPath is not null && File.Exists(backupPath))
                {
                    File.Move(backupPath, verifiedPath, overwrite: true);
                }
            }

            throw new IOException($"Accepting {done[^1].Received} failed, so no snapshot was accepted: {e.Message}", e);
        }

        foreach (var (_, _, backup) in done)
        {
            if (backup is not null)
            {
                File.Delete(backup);
            }
        }

        return [.. done.Select(d => d.Verified)];
    }

    private static string VerifiedPath(string received) => received[..^SnapshotFiles.ReceivedSuffix.Length] + SnapshotFiles.VerifiedSuffix;

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part is "bin" or "obj");
}
