using OrBench.Tool.Cli;

namespace OrBench.Tool.Output;

/// <summary>
/// Writes the files of one command (results.json, records.jsonl, report.md, report.html) all or nothing. Each file is
/// atomic on its own, but a command that failed half-way (an unwritable report, a cancel) used to leave a new
/// results.json beside last run's report.html, a set that never existed. Here every file is written into a hidden
/// staging directory inside the output directory (the same file system, so moving is a rename), and only when all of
/// them are there are they moved into place; on any failure the staging directory is deleted and the output directory
/// is as it was.
/// </summary>
/// <remarks>
/// A process killed with SIGKILL runs no cleanup, so its staging directory outlives it. Each staging directory holds a
/// lock file its process keeps open exclusively; the next command writing into the same output directory removes every
/// staging directory whose lock it can take (its owner is gone) and leaves those of commands still running. A staging
/// directory whose commit had begun (its <c>.commit</c> marker is there: every file was complete) is first moved into
/// place, so the outputs are replaced as a set: either all of the killed command's files or none of them.
/// </remarks>
internal sealed class StagedOutput : IDisposable
{
    /// <summary>The prefix of the hidden staging directories.</summary>
    public const string StagingPrefix = ".orbench-staging-";

    private const string LockFileName = ".lock";
    private const string CommitMarkerName = ".commit";

    private readonly bool _createdTarget;
    private readonly FileStream _lock;
    private bool _committed;

    private StagedOutput(string target, string staging, bool createdTarget, FileStream lockFile)
    {
        Target = target;
        Staging = staging;
        _createdTarget = createdTarget;
        _lock = lockFile;
    }

    /// <summary>The output directory the files end up in.</summary>
    public string Target { get; }

    /// <summary>The hidden directory the files are written into first.</summary>
    public string Staging { get; }

    /// <summary>
    /// Checks, before any work is done, that <paramref name="target"/> can take the output: it is not a file, it can be
    /// created and written into, and none of <paramref name="fileNames"/> is a directory in the way.
    /// </summary>
    /// <exception cref="UsageException">The path names a file or a directory blocks one of the files.</exception>
    /// <exception cref="ToolFailureException">The directory cannot be created or written into.</exception>
    public static void Check(string target, string optionName, params string[] fileNames)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        if (File.Exists(target))
        {
            throw new UsageException($"{optionName} '{target}' is a file; give a directory to write into");
        }

        foreach (var name in fileNames)
        {
            if (Directory.Exists(Path.Combine(target, name)))
            {
                throw new UsageException($"{optionName} '{target}' holds a directory named {name} where the file {name} is written");
            }
        }

        using (Begin(target, optionName))
        {
        }
    }

    /// <summary>Creates the staging directory inside <paramref name="target"/> (created if needed).</summary>
    /// <exception cref="UsageException">The path names a file.</exception>
    /// <exception cref="ToolFailureException">The directory cannot be created or written into.</exception>
    public static StagedOutput Begin(string target, string optionName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        if (File.Exists(target))
        {
            throw new UsageException($"{optionName} '{target}' is a file; give a directory to write into");
        }

        var staging = Path.Combine(target, StagingPrefix + Guid.NewGuid().ToString("N"));
        var createdTarget = !Directory.Exists(target);
        FileStream lockFile;
        try
        {
            if (!createdTarget)
            {
                RecoverStale(target);
            }

            Directory.CreateDirectory(staging);
            lockFile = new FileStream(Path.Combine(staging, LockFileName), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ToolFailureException($"{optionName} '{target}' cannot be written into: {e.Message}", e);
        }

        return new StagedOutput(target, staging, createdTarget, lockFile);
    }

    /// <summary>
    /// Removes the staging directories a killed command left in <paramref name="target"/>, first finishing the commit of
    /// one that had begun it. A directory whose lock is held belongs to a command still running and is left alone.
    /// </summary>
    public static void RecoverStale(string target)
    {
        if (!Directory.Exists(target))
        {
            return;
        }

        foreach (var staging in Directory.EnumerateDirectories(target, StagingPrefix + "*").Order(StringComparer.Ordinal))
        {
            try
            {
                using (TryTakeLock(staging))
                {
                    if (File.Exists(Path.Combine(staging, CommitMarkerName)))
                    {
                        MoveInto(target, staging);
                    }
                }

                Directory.Delete(staging, recursive: true);
            }
            catch (LockHeldException)
            {
                // A command writing into this directory right now.
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for the next command; the new output is unaffected.
            }
        }
    }

    /// <summary>Takes the lock of a staging directory, or returns null for one without a lock file (it never held one).</summary>
    private static FileStream? TryTakeLock(string staging)
    {
        var path = Path.Combine(staging, LockFileName);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (IOException e) when (File.Exists(path))
        {
            throw new LockHeldException(e);
        }
    }

    private static List<string> StagedFiles(string staging) =>
        [.. Directory.GetFiles(staging, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetDirectoryName(f) != staging || Path.GetFileName(f) is not (LockFileName or CommitMarkerName))
            .Order(StringComparer.Ordinal)];

    private static void MoveInto(string target, string staging)
    {
        foreach (var file in StagedFiles(staging))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(staging, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Move(file, destination, overwrite: true);
        }
    }

    /// <summary>Where a file written to <paramref name="stagedPath"/> ends up after <see cref="Commit"/>.</summary>
    public string FinalPath(string stagedPath) => Path.Combine(Target, Path.GetRelativePath(Staging, stagedPath));

    /// <summary>Moves every staged file into the output directory, replacing files of the same name.</summary>
    /// <exception cref="ToolFailureException">A directory of a file's name is in the way; nothing was moved.</exception>
    public void Commit()
    {
        var files = StagedFiles(Staging);
        foreach (var file in files)
        {
            var destination = FinalPath(file);
            if (Directory.Exists(destination))
            {
                throw new ToolFailureException($"cannot write {destination}: a directory of that name is in the way (nothing was written)");
            }
        }

        // From here on the set is complete: a command killed while moving leaves the marker, and the next command in
        // this directory finishes the moves (RecoverStale) instead of leaving old and new files side by side.
        using (File.Create(Path.Combine(Staging, CommitMarkerName)))
        {
        }

        MoveInto(Target, Staging);
        _committed = true;
    }

    /// <summary>
    /// Deletes the staging directory and whatever is left in it, and the output directory too when it was created for
    /// this command and nothing was committed, so a failed command leaves no trace.
    /// </summary>
    public void Dispose()
    {
        _lock.Dispose();
        try
        {
            if (Directory.Exists(Staging))
            {
                Directory.Delete(Staging, recursive: true);
            }

            if (_createdTarget && !_committed && !Directory.EnumerateFileSystemEntries(Target).Any())
            {
                Directory.Delete(Target);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The lock of a staging directory is held: the command that owns it is still running.</summary>
    private sealed class LockHeldException(Exception inner) : IOException("The staging directory is in use.", inner);
}
