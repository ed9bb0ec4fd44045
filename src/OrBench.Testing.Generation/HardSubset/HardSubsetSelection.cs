namespace OrBench.Testing.Generation.HardSubset;

/// <summary>The outcome of stage 4.</summary>
/// <param name="Models">The evaluated models' names, in the order the results were given.</param>
/// <param name="RequiredRejections">The k that was applied.</param>
/// <param name="Prompts">Every candidate prompt, in input order, kept or not.</param>
public sealed record HardSubsetSelection(IReadOnlyList<string> Models, int RequiredRejections, IReadOnlyList<HardPrompt> Prompts)
{
    /// <summary>The hard subset, in input order.</summary>
    public IReadOnlyList<HardPrompt> Kept => [.. Prompts.Where(p => p.Kept)];

    /// <summary>(prompt, model) pairs with no decided verdict: a large number means the results do not cover the candidates.</summary>
    public int MissingVerdicts => Prompts.Sum(p => p.NoVerdict.Count);
}
