namespace OrBench.Testing.Data;

/// <summary>
/// A selection names a category the prompt set does not have. Raised instead of running nothing: an empty selection
/// would pass every gate vacuously, and a typo (<c>privcy</c>) is far likelier than a wish to run no prompts. The
/// message lists the categories that exist so the fix can be copied from it.
/// </summary>
public sealed class UnknownCategoryException : OrBenchDataException
{
    /// <summary>Creates the exception; the message is built from the parts.</summary>
    /// <param name="setName">The prompt set's name.</param>
    /// <param name="unknown">The requested categories the set does not have, as written.</param>
    /// <param name="available">The set's categories.</param>
    public UnknownCategoryException(string setName, IReadOnlyList<string> unknown, IReadOnlyList<string> available)
        : base($"{setName} has no prompts in category {string.Join(", ", unknown.Select(u => $"'{u}'"))}; its categories are {string.Join(", ", available)}.")
    {
        SetName = setName;
        Unknown = unknown;
        Available = available;
    }

    /// <summary>The prompt set's name.</summary>
    public string SetName { get; }

    /// <summary>The requested categories the set does not have, as written.</summary>
    public IReadOnlyList<string> Unknown { get; }

    /// <summary>The set's categories, in ordinal order.</summary>
    public IReadOnlyList<string> Available { get; }
}
