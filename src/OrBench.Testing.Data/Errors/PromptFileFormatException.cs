namespace OrBench.Testing.Data;

/// <summary>
/// A prompt file (official CSV, custom CSV or JSONL) cannot be read. The message starts with
/// <c>file:line:</c> so editors and CI logs link straight to the offending line.
/// </summary>
public sealed class PromptFileFormatException : OrBenchDataException
{
    /// <summary>Creates the exception; the message is built from the parts.</summary>
    /// <param name="filePath">The file that was read.</param>
    /// <param name="lineNumber">1-based line where the problem starts, or null when it concerns the whole file.</param>
    /// <param name="problem">What kind of problem it is.</param>
    /// <param name="detail">A sentence saying what was found and what was expected.</param>
    public PromptFileFormatException(string filePath, int? lineNumber, PromptFileProblem problem, string detail)
        : base(lineNumber is { } line ? $"{filePath}:{line}: {detail}" : $"{filePath}: {detail}")
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        Problem = problem;
    }

    /// <summary>The file that was read.</summary>
    public string FilePath { get; }

    /// <summary>1-based line where the problem starts, or null when it concerns the whole file.</summary>
    public int? LineNumber { get; }

    /// <summary>What kind of problem it is.</summary>
    public PromptFileProblem Problem { get; }
}
