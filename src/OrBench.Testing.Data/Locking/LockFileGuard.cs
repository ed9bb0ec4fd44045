using System.Text.Json;

namespace OrBench.Testing.Data;

/// <summary>
/// Reads, verifies and writes <c>orbench.lock.json</c>: the dataset revision plus name, size and SHA-256 of every
/// official file used. Committed next to the tests, it makes a silent change of the benchmark bytes a loud failure.
/// </summary>
/// <remarks>
/// Format: <c>{"revision": "...", "files": [{"name": "...", "size": 123, "sha256": "..."}]}</c>, files sorted by name,
/// two-space indentation, LF line ends, so the file diffs cleanly. Writes go to a temp file in the same folder and
/// are then renamed over the lock. Writers are serialised, inside one process by a semaphore and across processes by
/// <see cref="LockFileMutex"/>, so test assemblies loading different subsets at once never lose an entry.
/// </remarks>
internal static class LockFileGuard
{
    public const string FileName = "orbench.lock.json";
    public const string EnvironmentVariable = "ORBENCH_LOCK_FILE";

    /// <summary>How long a load waits for other processes updating the same lock file.</summary>
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(60);

    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>The lock path for these options, or null when locking is disabled.</summary>
    public static string? ResolvePath(OrBenchDataOptions options)
    {
        if (options.LockFileMode == LockFileMode.Disabled)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(options.LockFile))
        {
            return AsFile(options.LockFile);
        }

        var fromEnvironment = options.Environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return string.Equals(fromEnvironment.Trim(), "off", StringComparison.OrdinalIgnoreCase) ? null : AsFile(fromEnvironment.Trim());
        }

        var start = Path.GetFullPath(options.WorkingDirectory ?? Directory.GetCurrentDirectory());
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            try
            {
                if (dir.EnumerateFiles("*.csproj").Any())
                {
                    return Path.Combine(dir.FullName, FileName);
                }
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                break;
            }
        }

        return Path.Combine(start, FileName);
    }

    /// <summary>Verifies a file against the lock, recording it when it has no entry yet (unless verify-only).</summary>
    public static async Task CheckAsync(OrBenchDataOptions options, string dataFileName, string dataFilePath, long size, string sha256, CancellationToken cancellationToken, TimeSpan? busyTimeout = null)
    {
        var lockPath = ResolvePath(options);
        if (lockPath is null)
        {
            return;
        }

        await Gate.WaitAsync(cancellationToken);
        try
        {
            using var otherProcesses = await LockFileMutex.AcquireAsync(lockPath, busyTimeout ?? BusyTimeout, cancellationToken);
            var document = File.Exists(lockPath) ? Read(lockPath) : null;
            if (document is null)
            {
                if (options.LockFileMode == LockFileMode.VerifyOnly)
                {
                    throw new LockFileMismatchException(lockPath, dataFilePath, "entry", "(no lock file)", dataFileName);
                }

                Write(lockPath, new LockDocument(options.Revision, [new LockEntry(dataFileName, size, sha256)]));
                return;
            }

            if (!string.Equals(document.Revision, options.Revision, StringComparison.Ordinal))
            {
                throw new LockFileMismatchException(lockPath, dataFilePath, "revision", document.Revision, options.Revision);
            }

            var entry = document.Files.FirstOrDefault(f => string.Equals(f.Name, dataFileName, StringComparison.Ordinal));
            if (entry is null)
            {
                if (options.LockFileMode == LockFileMode.VerifyOnly)
                {
                    throw new LockFileMismatchException(lockPath, dataFilePath, "entry", "(no entry)", dataFileName);
                }

                Write(lockPath, document with { Files = [.. document.Files, new LockEntry(dataFileName, size, sha256)] });
                return;
            }

            if (!string.Equals(entry.Sha256, sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new LockFileMismatchException(lockPath, dataFilePath, "sha256", entry.Sha256, sha256);
            }

            if (entry.Size != size)
            {
                throw new LockFileMismatchException(lockPath, dataFilePath, "size", entry.Size.ToString(System.Globalization.CultureInfo.InvariantCulture), size.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    internal static LockDocument Read(string lockPath)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(lockPath));
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidLockFileException(lockPath, "the top level must be a JSON object.");
            }

            if (!root.TryGetProperty("revision", out var revision) || revision.ValueKind != JsonValueKind.String)
            {
                throw new InvalidLockFileException(lockPath, "missing string 'revision'.");
            }

            if (!root.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidLockFileException(lockPath, "missing array 'files'.");
            }

            var entries = new List<LockEntry>();
            foreach (var file in files.EnumerateArray())
            {
                if (file.ValueKind != JsonValueKind.Object
                    || !file.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
                    || !file.TryGetProperty("size", out var fileSize) || !fileSize.TryGetInt64(out var sizeValue)
                    || !file.TryGetProperty("sha256", out var sha) || sha.ValueKind != JsonValueKind.String)
                {
                    throw new InvalidLockFileException(lockPath, "every entry of 'files' needs 'name' (string), 'size' (integer) and 'sha256' (string).");
                }

                entries.Add(new LockEntry(name.GetString()!, sizeValue, sha.GetString()!));
            }

            return new LockDocument(revision.GetString()!, entries);
        }
        catch (JsonException ex)
        {
            throw new InvalidLockFileException(lockPath, ex.Message, ex);
        }
    }

    private static void Write(string lockPath, LockDocument document)
    {
        try
        {
            WriteAtomically(lockPath, document);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only checkout or a working directory the user cannot write: name the lock file and the ways out,
            // not the temp file that happened to fail.
            throw new OrBenchDataException(
                $"{lockPath}: cannot write the OR-Bench lock file: {(ex is UnauthorizedAccessException ? "permission denied." : ex.Message)} Make the folder writable, point ORBENCH_LOCK_FILE (or OrBenchDataOptions.LockFile) at a writable path, or set ORBENCH_LOCK_FILE=off.",
                ex);
        }
    }

    private static void WriteAtomically(string lockPath, LockDocument document)
    {
        var directory = Path.GetDirectoryName(lockPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            writer.WriteStartObject();
            writer.WriteString("revision", document.Revision);
            writer.WriteStartArray("files");
            foreach (var entry in document.Files.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("name", entry.Name);
                writer.WriteNumber("size", entry.Size);
                writer.WriteString("sha256", entry.Sha256);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        var temp = lockPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            File.WriteAllBytes(temp, buffer.ToArray());
            File.Move(temp, lockPath, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static string AsFile(string path)
    {
        var full = Path.GetFullPath(path);
        return Directory.Exists(full) ? Path.Combine(full, FileName) : full;
    }

    internal sealed record LockDocument(string Revision, IReadOnlyList<LockEntry> Files);

    internal sealed record LockEntry(string Name, long Size, string Sha256);
}
