using System.Diagnostics;

namespace OrBench.Tool.Tests.Infrastructure;

/// <summary>Runs the built orbench.dll as a child process (dotnet orbench.dll ...), as a user or CI would.</summary>
public static class OrbenchProcess
{
    /// <summary>
    /// The tool's own build output (src/OrBench.Tool/bin/CONFIGURATION/TFM/orbench.dll), built by the project reference in the
    /// same configuration as the tests. Its own deps.json and runtime files are complete there, exactly as a user gets them;
    /// the copy next to the tests resolves assemblies through the test project's dependency graph instead.
    /// </summary>
    public static string DllPath { get; } = FindToolOutput();

    private static string FindToolOutput()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!;
        var root = configuration.Parent!.Parent!.Parent!.Parent!;
        var tool = Path.Combine(root.FullName, "src", "OrBench.Tool", "bin", configuration.Name, framework.Name, "orbench.dll");
        return File.Exists(tool) ? tool : Path.Combine(AppContext.BaseDirectory, "orbench.dll");
    }

    public static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return info;
    }

    public static async Task<ToolOutcome> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, environment, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new ToolOutcome(process.ExitCode, await output, await error);
    }
}
