namespace OrBench.Testing.Data;

/// <summary>
/// Two rows of one file map to the same prompt id: either the same prompt appears twice (after normalisation)
/// or, far less likely, two different prompts share a hash prefix. Ids must be unique so that records,
/// snapshots and baselines can refer to a prompt unambiguously; the message names both lines.
/// </summary>
public sealed class DuplicatePromptIdException : OrBenchDataException
{
    /// <summary>Creates the exception; the message is built from the parts.</summary>
    public DuplicatePromptIdException(string filePath, string id, int firstLine, int secondLine, bool sameText)
        : base(sameText
            ? $"{filePath}:{secondLine}: duplicate prompt: line {secondLine} repeats the prompt of line {firstLine} (id {id}). Remove one of them, or load with DuplicatePromptHandling.KeepFirst."
            : $"{filePath}:{secondLine}: prompt id collision: lines {firstLine} and {secondLine} hold different prompts whose id is {id}. Use a different id prefix or report this collision.")
    {
        FilePath = filePath;
        Id = id;
        FirstLine = firstLine;
        SecondLine = secondLine;
        IsSameText = sameText;
    }

    /// <summary>The file that was read.</summary>
    public string FilePath { get; }

    /// <summary>The id both rows map to.</summary>
    public string Id { get; }

    /// <summary>1-based line of the first row.</summary>
    public int FirstLine { get; }

    /// <summary>1-based line of the second row.</summary>
    public int SecondLine { get; }

    /// <summary>True when both rows hold the same normalised prompt; false for a hash collision.</summary>
    public bool IsSameText { get; }
}
