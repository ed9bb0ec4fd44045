namespace OrBench.Testing;

/// <summary>
/// Where relative paths a suite names — a response cache (<c>ORBENCH_RESPONSE_CACHE</c>, <see cref="Middleware.FileDistributedCache"/>),
/// a snapshot directory (<see cref="Snapshots.SnapshotOptions.Directory"/>), a results directory (<c>ORBENCH_RESULTS_DIR</c>)
/// — are resolved: against the test project's directory, so <c>.orbench/cache</c> lands beside the <c>.csproj</c>, can be
/// committed and survives <c>dotnet clean</c>, instead of under <c>bin/Debug/net10.0/</c>.
/// </summary>
/// <remarks>
/// The project directory comes from the build: the OrBench.Testing package's <c>buildTransitive/OrBench.Testing.targets</c>
/// records <c>$(MSBuildProjectDirectory)</c> in the test project's <c>runtimeconfig.json</c> as
/// <c>OrBench.ProjectDirectory</c>, which every test host (VSTest, Microsoft.Testing.Platform) loads. A process built
/// without it (the <c>orbench</c> tool, or a build that set <c>OrBenchRecordProjectDirectory=false</c>) resolves relative
/// paths against the current directory, as .NET does.
/// </remarks>
public static class ProjectPaths
{
    /// <summary>The <see cref="AppContext"/> key the build sets.</summary>
    public const string ProjectDirectoryKey = "OrBench.ProjectDirectory";

    /// <summary>The test project's directory as recorded by the build, or null when the build did not record it or it does not exist here.</summary>
    public static string? ProjectDirectory =>
        AppContext.GetData(ProjectDirectoryKey) is string directory && directory.Length > 0 && Directory.Exists(directory) ? directory : null;

    /// <summary>The absolute form of <paramref name="path"/>: unchanged when rooted, else under <see cref="ProjectDirectory"/> (or the current directory).</summary>
    public static string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Path.IsPathRooted(path) ? Path.GetFullPath(path) : Path.GetFullPath(path, ProjectDirectory ?? Environment.CurrentDirectory);
    }
}
