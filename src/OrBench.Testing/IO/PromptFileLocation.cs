using OrBench.Testing.Data;

namespace OrBench.Testing.IO;

/// <summary>Finds a prompt file a data attribute names relative to the test: beside its source, under the project, in the output.</summary>
internal static class PromptFileLocation
{
    /// <summary>The first existing candidate; otherwise a <see cref="DataFileNotFoundException"/> naming every place looked at.</summary>
    public static string Resolve(string path, string sourceFilePath)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        var sourceDirectory = Path.GetDirectoryName(sourceFilePath);
        var besideSource = string.IsNullOrEmpty(sourceDirectory) ? null : Path.Combine(sourceDirectory, path);
        var inProject = ProjectPaths.ProjectDirectory is { } project ? Path.Combine(project, path) : null;
        var inOutput = Path.Combine(AppContext.BaseDirectory, path);
        foreach (var candidate in new[] { besideSource, inProject, inOutput })
        {
            if (candidate is not null && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DataFileNotFoundException(path, [
            $"beside the test source: {besideSource ?? "(source path unknown)"} - not found",
            $"under the test project: {inProject ?? "(project directory not recorded by the build)"} - not found",
            $"test output directory: {inOutput} - not found (copy the file there with <Content CopyToOutputDirectory=\"PreserveNewest\">)",
        ]);
    }
}
