namespace OrBench.Testing.Data;

/// <summary>Filtering, deterministic stratified sampling and sharding of prompt sets.</summary>
public static class PromptSetExtensions
{
    /// <summary>The prompts of the given categories, in set order.</summary>
    public static PromptSet WhereCategory(this PromptSet set, params OrBenchCategory[] categories) =>
        throw new NotImplementedException("Contract stub: implemented by the Data stage.");

    /// <summary>A seeded sample of <paramref name="count"/> prompts, stratified by category; identical on every OS and runtime.</summary>
    public static PromptSet Sample(this PromptSet set, int count, int seed) =>
        throw new NotImplementedException("Contract stub: implemented by the Data stage.");

    /// <summary>Shard <paramref name="index"/> (1-based) of <paramref name="count"/>: disjoint, covering and stable.</summary>
    public static PromptSet Shard(this PromptSet set, int index, int count) =>
        throw new NotImplementedException("Contract stub: implemented by the Data stage.");

    /// <summary>Prompt counts per category, most frequent first, then by name.</summary>
    public static IReadOnlyList<KeyValuePair<OrBenchCategory, int>> CountByCategory(this PromptSet set) =>
        throw new NotImplementedException("Contract stub: implemented by the Data stage.");
}
