namespace OrBench.Testing.Data;

/// <summary><c>orbench.lock.json</c> exists but cannot be read as a lock (bad JSON or missing fields); it is never overwritten silently.</summary>
public sealed class InvalidLockFileException : OrBenchDataException
{
    /// <summary>Creates the exception.</summary>
    public InvalidLockFileException(string lockFilePath, string detail, Exception? innerException = null)
        : base($"{lockFilePath}: not a valid OR-Bench lock file: {detail}", innerException!)
    {
        LockFilePath = lockFilePath;
    }

    /// <summary>The lock file.</summary>
    public string LockFilePath { get; }
}
