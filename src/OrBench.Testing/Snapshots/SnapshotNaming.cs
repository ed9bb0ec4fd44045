using System.Diagnostics;
using System.Reflection;

namespace OrBench.Testing.Snapshots;

/// <summary>Finds the test class of the calling test for the snapshot file name, as Verify does.</summary>
internal static class SnapshotNaming
{
    /// <summary>
    /// The name of the class declaring <paramref name="testMethod"/>, found on the call stack (async state machines are
    /// mapped to their declaring class); falls back to the source file name, which by convention matches the class.
    /// </summary>
    public static string TestClassName(string testMethod, string sourceFilePath)
    {
        foreach (var frame in new StackTrace(1, false).GetFrames())
        {
            var method = frame.GetMethod();
            var type = method?.DeclaringType;
            if (method is null || type is null)
            {
                continue;
            }

            if (method.Name == testMethod)
            {
                return Outer(type).Name;
            }

            // async Task Test() runs as <Test>d__3.MoveNext(); lambdas as <>c.<Test>b__0.
            if (type.Name.StartsWith('<') && type.Name.StartsWith($"<{testMethod}>", StringComparison.Ordinal))
            {
                return Outer(type).Name;
            }

            if (method.Name.StartsWith($"<{testMethod}>", StringComparison.Ordinal))
            {
                return Outer(type).Name;
            }
        }

        return Path.GetFileNameWithoutExtension(sourceFilePath);
    }

    /// <summary>
    /// The directory of the calling test's source file. Deterministic CI builds map source paths to <c>/_/…</c>, which does
    /// not exist at run time; such a path is found again relative to an ancestor of <paramref name="searchFrom"/>
    /// (the test output directory lies inside the repository).
    /// </summary>
    public static string ResolveSourceDirectory(string callerDirectory, string searchFrom)
    {
        if (Directory.Exists(callerDirectory))
        {
            return callerDirectory;
        }

        var match = System.Text.RegularExpressions.Regex.Match(callerDirectory, @"^[/\\]_\d*[/\\](?<rest>.*)$");
        if (match.Success)
        {
            var relative = match.Groups["rest"].Value.Replace('\\', Path.DirectorySeparatorChar).Replace('/', Path.DirectorySeparatorChar);
            for (var dir = new DirectoryInfo(searchFrom); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"The test's source directory '{callerDirectory}' does not exist here (a deterministic build maps source paths); set SnapshotOptions.Directory to the folder that holds the verified files.");
    }

    private static Type Outer(Type type)
    {
        while (type.DeclaringType is { } outer && (type.Name.StartsWith('<') || type.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is not null))
        {
            type = outer;
        }

        return type;
    }
}
