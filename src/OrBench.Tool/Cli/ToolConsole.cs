namespace OrBench.Tool.Cli;

/// <summary>
/// Everything the commands read from or write to the outside world, so tests can run the whole command tree
/// in-process with captured output, a fake environment and a chosen working directory.
/// </summary>
public sealed record ToolConsole
{
    /// <summary>Standard output: results, tables, JSON.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard error: the one-line reason of a failure, warnings, plain progress lines.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>True when standard output is an interactive terminal: only then are progress bars and colours drawn.</summary>
    public bool IsTerminal { get; init; }

    /// <summary>Reads an environment variable (the API key, <c>ORBENCH_*</c> settings).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>False after <c>--no-progress</c>: no progress bar and no progress lines.</summary>
    public bool ShowProgress { get; init; } = true;

    /// <summary>The clock behind elapsed and remaining times in the progress output.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The directory relative paths are resolved against.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>The real process console.</summary>
    public static ToolConsole System => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        IsTerminal = !Console.IsOutputRedirected,
    };

    /// <summary>Resolves <paramref name="path"/> against <see cref="WorkingDirectory"/>.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
