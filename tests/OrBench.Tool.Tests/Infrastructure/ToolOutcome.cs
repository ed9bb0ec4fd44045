namespace OrBench.Tool.Tests.Infrastructure;

/// <summary>What one invocation of the tool produced.</summary>
public sealed record ToolOutcome(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
