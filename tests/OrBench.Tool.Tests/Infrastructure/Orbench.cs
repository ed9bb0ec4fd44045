using OrBench.Tool.Cli;

namespace OrBench.Tool.Tests.Infrastructure;

/// <summary>Runs the command tree in-process with captured output, a private environment and a chosen working directory.</summary>
public static class Orbench
{
    public static async Task<ToolOutcome> InvokeInAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new ToolConsole
        {
            Out = output,
            Error = error,
            IsTerminal = false,
            WorkingDirectory = workingDirectory,
            GetEnvironmentVariable = name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
        };
        var exitCode = await OrBenchCli.InvokeAsync(args, console);
        return new ToolOutcome(exitCode, output.ToString(), error.ToString());
    }

    public static Task<ToolOutcome> InvokeAsync(params string[] args) => InvokeInAsync(Path.GetTempPath(), null, args);
}
