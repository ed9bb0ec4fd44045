namespace OrBench.Testing.Data;

/// <summary>
/// The bytes of a data file (or the requested revision) differ from what <c>orbench.lock.json</c> recorded, so
/// scores would not be comparable with earlier runs. Either the file changed or the lock belongs to another
/// dataset version; the message shows both values and both paths.
/// </summary>
public sealed class LockFileMismatchException : OrBenchDataException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="lockFilePath">The lock file.</param>
    /// <param name="dataFilePath">The data file whose bytes were checked.</param>
    /// <param name="field">What differs: <c>sha256</c>, <c>size</c>, <c>revision</c> or <c>entry</c> (no entry for the file).</param>
    /// <param name="expected">The value in the lock.</param>
    /// <param name="actual">The value found now.</param>
    public LockFileMismatchException(string lockFilePath, string dataFilePath, string field, string expected, string actual)
        : base(BuildMessage(lockFilePath, dataFilePath, field, expected, actual))
    {
        LockFilePath = lockFilePath;
        DataFilePath = dataFilePath;
        Field = field;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The lock file.</summary>
    public string LockFilePath { get; }

    /// <summary>The data file whose bytes were checked.</summary>
    public string DataFilePath { get; }

    /// <summary>What differs: <c>sha256</c>, <c>size</c>, <c>revision</c> or <c>entry</c>.</summary>
    public string Field { get; }

    /// <summary>The value recorded in the lock.</summary>
    public string Expected { get; }

    /// <summary>The value found now.</summary>
    public string Actual { get; }

    private static string BuildMessage(string lockFilePath, string dataFilePath, string field, string expected, string actual) =>
        field switch
        {
            "revision" => $"{lockFilePath} pins dataset revision {expected}, but revision {actual} was requested for {dataFilePath}. Use the locked revision, or delete the lock file to re-lock.",
            "entry" => $"{lockFilePath} has no entry for {dataFilePath} ({actual}) and the lock is verify-only. Run once with LockFileMode.CreateOrVerify to record it.",
            _ => $"{dataFilePath} does not match {lockFilePath}: {field} in lock {expected}, actual {actual}. The data changed since it was locked; restore the original file, or delete the lock file to accept the new bytes.",
        };
}
