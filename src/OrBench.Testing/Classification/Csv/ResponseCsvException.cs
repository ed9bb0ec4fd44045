namespace OrBench.Testing.Classification.Csv;

/// <summary>A response CSV could not be classified: names the file and, where known, the line.</summary>
public sealed class ResponseCsvException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ResponseCsvException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ResponseCsvException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ResponseCsvException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="path"/> at <paramref name="line"/> (1-based; null when not tied to a line).</summary>
    public ResponseCsvException(string path, int? line, string problem, Exception? innerException = null)
        : base(line is null ? $"{path}: {problem}" : $"{path}, line {line}: {problem}", innerException)
    {
        Path = path;
        Line = line;
    }

    /// <summary>The file (or source name) that was being read.</summary>
    public string? Path { get; }

    /// <summary>The 1-based line where the bad row starts, when known.</summary>
    public int? Line { get; }
}
