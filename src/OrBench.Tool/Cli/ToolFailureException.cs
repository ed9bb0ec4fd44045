namespace OrBench.Tool.Cli;

/// <summary>
/// A command that was understood but could not complete (for example a replay-only run that missed the cache).
/// Reported as one line on stderr with exit code <see cref="ExitCodes.Failure"/>, or <see cref="ExitCode"/> when given.
/// </summary>
public sealed class ToolFailureException : Exception
{
    /// <summary>Creates the exception with the one-line reason shown to the user.</summary>
    public ToolFailureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the one-line reason and a specific exit code.</summary>
    public ToolFailureException(string message, int exitCode)
        : base(message)
    {
        ExitCode = exitCode;
    }

    /// <summary>Creates the exception without a message (for serializers and analyzers).</summary>
    public ToolFailureException()
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public ToolFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The exit code the process ends with.</summary>
    public int ExitCode { get; } = ExitCodes.Failure;
}
