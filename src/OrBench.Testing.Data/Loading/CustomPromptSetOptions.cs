namespace OrBench.Testing.Data;

/// <summary>How a team's own prompt file (CSV or JSONL in the OR-Bench schema) is turned into a prompt set.</summary>
public sealed record CustomPromptSetOptions
{
    /// <summary>Put in front of every id so custom ids never clash with official ones in shared records; default <c>cus-</c>.</summary>
    public string IdPrefix { get; init; } = PromptIds.CustomPrefix;

    /// <summary>The set's name in reports; default the file name without extension.</summary>
    public string? Name { get; init; }

    /// <summary>What to do with repeated prompts; default fail.</summary>
    public DuplicatePromptHandling Duplicates { get; init; } = DuplicatePromptHandling.Throw;
}
