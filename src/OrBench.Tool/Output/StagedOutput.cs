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
internal sealed class StagedOutput : IDisposable
{
    private const string StagingPrefix = ".orbench-staging-";

    private readonly bool _createdTarget;
    private bool _committed;

    private StagedOutput(string target, string staging, bool createdTarget)
    {
        Target = target;
        Staging = staging;
        _createdTarget = createdTarget;
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
        try
        {
            Directory.CreateDirectory(staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ToolFailureException($"{optionName} '{target}' cannot be written into: {e.Message}", e);
        }

        return new StagedOutput(target, staging, createdTarget);
    }

    /// <summary>Where a file written to <paramref name="stagedPath"/> ends up after <see cref="Commit"/>.</summary>
    public string FinalPath(string stagedPath) => Path.Combine(Target, Path.GetRelativePath(Staging, stagedPath));

    /// <summary>Moves every staged file into the output directory, replacing files of the same name.</summary>
    /// <exception cref="ToolFailureException">A directory of a file's name is in the way; nothing was moved.</exception>
    public void Commit()
    {
        var files = Directory.GetFiles(Staging, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var destination = FinalPath(file);
            if (Directory.Exists(destination))
            {
                throw new ToolFailureException($"cannot write {destination}: a directory of that name is in the way (nothing was written)");
            }
        }

        foreach (var file in files)
        {
            var destination = FinalPath(file);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Move(file, destination, overwrite: true);
        }

        _committed = true;
    }

    /// <summary>
    /// Deletes the staging directory and whatever is left in it, and the output directory too when it was created for
    /// this command and nothing was committed, so a failed command leaves no trace.
    /// </summary>
    public void Dispose()
    {
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
}
