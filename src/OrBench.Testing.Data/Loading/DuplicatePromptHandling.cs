namespace OrBench.Testing.Data;

/// <summary>What to do when a file holds the same prompt (after id normalisation) twice.</summary>
public enum DuplicatePromptHandling
{
    /// <summary>Fail with <see cref="DuplicatePromptIdException"/> naming both lines. The default: a repeated prompt would be scored twice.</summary>
    Throw,

    /// <summary>Keep the first occurrence and drop later repeats. Hash collisions between different prompts still fail.</summary>
    KeepFirst,
}
