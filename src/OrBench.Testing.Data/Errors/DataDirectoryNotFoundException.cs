namespace OrBench.Testing.Data;

/// <summary>
/// A data directory was named (<c>OrBenchDataOptions.DataDirectory</c>, <c>ORBENCH_DATA_DIR</c> or
/// <c>orbench run --data-dir</c>) but does not exist. A misspelt path is a configuration error: falling through to the
/// cache or a download would quietly test other data than the team pointed at, so nothing further is tried.
/// </summary>
/// <remarks>
/// A directory that exists but lacks one of the files is not an error: a folder holding only Hard-1K and Toxic is
/// normal, and the 80K file then comes from the cache or a download.
/// </remarks>
public sealed class DataDirectoryNotFoundException : OrBenchDataException
{
    /// <summary>Creates the exception naming where the directory was given and the full path looked for.</summary>
    public DataDirectoryNotFoundException(string setting, string directory)
        : base($"The OR-Bench data directory given by {setting} does not exist: {directory}. Fix the path or unset it; nothing was downloaded.")
    {
        Setting = setting;
        Directory = directory;
    }

    /// <summary>Where the directory was given, e.g. <c>ORBENCH_DATA_DIR</c>.</summary>
    public string Setting { get; }

    /// <summary>The full path that does not exist.</summary>
    public string Directory { get; }
}
