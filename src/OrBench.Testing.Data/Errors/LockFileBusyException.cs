namespace OrBench.Testing.Data;

/// <summary>
/// Another process kept <c>orbench.lock.json</c> locked for longer than a load is willing to wait. Test processes
/// that load OR-Bench files at the same time (xUnit runs test assemblies in parallel) take turns updating the lock
/// file, so an entry is never lost; this is raised only when one of them hangs while holding it.
/// </summary>
public sealed class LockFileBusyException : OrBenchDataException
{
    /// <summary>Creates the exception for the lock file and the time waited.</summary>
    public LockFileBusyException(string lockFilePath, TimeSpan waited)
        : base($"{lockFilePath}: another process has been updating this lock file for {waited.TotalSeconds:0.#} s; giving up. If no other OR-Bench load is running, delete '{LockFileMutex.PathFor(lockFilePath)}' and retry.")
    {
        LockFilePath = lockFilePath;
    }

    /// <summary>The lock file that could not be updated.</summary>
    public string LockFilePath { get; }
}
