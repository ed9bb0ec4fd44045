namespace OrBench.Tool.Cli;

/// <summary>
/// A command line that parses but cannot be acted on (a file that does not exist, an option combination that makes no
/// sense, an unset API key variable). Reported as one line on stderr with exit code <see cref="ExitCodes.BadArguments"/>.
/// </summary>
public sealed class UsageException : Exception
{
    /// <summary>Creates the exception with the one-line reason shown to the user.</summary>
    public UsageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without a message (for serializers and analyzers).</summary>
    public UsageException()
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
