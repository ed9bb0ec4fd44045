namespace OrBench.Testing.Data;

/// <summary>
/// A prompt file (official CSV, custom CSV or JSONL) cannot be read. The message starts with
/// <c>file:line:</c> so editors and CI logs link straight to the offending line, followed by the field when the
/// problem is in one (<c>field 'prompt':</c>), so a user knows which cell to fix without counting commas.
/// </summary>
public sealed class PromptFileFormatException : OrBenchDataException
{
    /// <summary>Creates the exception for a problem that concerns a whole row, the header or the file.</summary>
    /// <param name="filePath">The file that was read.</param>
    /// <param name="lineNumber">1-based line where the problem starts, or null when it concerns the whole file.</param>
    /// <param name="problem">What kind of problem it is.</param>
    /// <param name="detail">A sentence saying what was found and what was expected.</param>
    public PromptFileFormatException(string filePath, int? lineNumber, PromptFileProblem problem, string detail)
        : this(filePath, lineNumber, null, problem, detail)
    {
    }

    /// <summary>Creates the exception for a problem in one field of a row; the message names the field.</summary>
    /// <param name="filePath">The file that was read.</param>
    /// <param name="lineNumber">1-based line where the problem starts, or null when it concerns the whole file.</param>
    /// <param name="field">
    /// The field the problem is in: its column or member name (<c>prompt</c>, <c>category</c>), or <c>column N</c>
    /// (1-based) for a field the header has no name for; null when no single field is at fault.
    /// </param>
    /// <param name="problem">What kind of problem it is.</param>
    /// <param name="detail">A sentence saying what was found and what was expected.</param>
    public PromptFileFormatException(string filePath, int? lineNumber, string? field, PromptFileProblem problem, string detail)
        : base(Format(filePath, lineNumber, field, detail))
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        Field = field;
        Problem = problem;
    }

    /// <summary>The file that was read.</summary>
    public string FilePath { get; }

    /// <summary>1-based line where the problem starts, or null when it concerns the whole file.</summary>
    public int? LineNumber { get; }

    /// <summary>The field at fault (<c>prompt</c>, <c>category</c>, <c>column 3</c>), or null when no single field is.</summary>
    public string? Field { get; }

    /// <summary>What kind of problem it is.</summary>
    public PromptFileProblem Problem { get; }

    private static string Format(string filePath, int? lineNumber, string? field, string detail)
    {
        var where = lineNumber is { } line ? $"{filePath}:{line}: " : $"{filePath}: ";
        return field is null ? where + detail : $"{where}field '{field}': {detail}";
    }
}
