namespace OrBench.Testing.Results;

/// <summary>A results file (<c>results.json</c>, <c>records.jsonl</c>, a verified snapshot) could not be read. The message names the file and, where known, the line.</summary>
public sealed class ResultFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ResultFileException(string path, long? line, string problem, Exception? innerException = null)
        : base(line is { } l ? $"{path}, line {l}: {problem}" : $"{path}: {problem}", innerException)
    {
        FilePath = path;
        Line = line;
    }

    /// <summary>Creates the exception.</summary>
    public ResultFileException()
        : this("(unknown file)", null, "The file could not be read.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public ResultFileException(string message)
        : this("(unknown file)", null, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ResultFileException(string message, Exception innerException)
        : this("(unknown file)", null, message, innerException)
    {
    }

    /// <summary>The file that could not be read.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line of the problem, when known.</summary>
    public long? Line { get; }
}
