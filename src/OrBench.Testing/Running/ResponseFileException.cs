namespace OrBench.Testing.Running;

/// <summary>A response file could not be read: names the file, the line and what was wrong.</summary>
public sealed class ResponseFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ResponseFileException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ResponseFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ResponseFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a place in a file.</summary>
    public ResponseFileException(string file, int line, string problem, Exception? innerException = null)
        : base($"{file}:{line}: {problem}", innerException)
    {
        File = file;
        Line = line;
    }

    /// <summary>The file that was being read.</summary>
    public string? File { get; }

    /// <summary>The 1-based line of the problem, or 0 for the whole file.</summary>
    public int Line { get; }
}
