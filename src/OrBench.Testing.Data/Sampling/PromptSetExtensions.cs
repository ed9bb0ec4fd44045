namespace OrBench.Testing.Data;

/// <summary>
/// Filtering, deterministic stratified sampling and sharding of prompt sets. Every operation returns a new set in
/// the order of the input set and keeps its name, subset and source.
/// </summary>
public static class PromptSetExtensions
{
    /// <summary>The prompts of the given categories, in set order. Use it to gate one category separately.</summary>
    /// <exception cref="ArgumentException">No category was given.</exception>
    public static PromptSet WhereCategory(this PromptSet set, params OrBenchCategory[] categories)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(categories);
        if (categories.Length == 0)
        {
            throw new ArgumentException("Name at least one category to filter by.", nameof(categories));
        }

        var wanted = new HashSet<OrBenchCategory>(categories);
        return set.Derive(set.Where(p => wanted.Contains(p.Category)));
    }

    /// <summary>
    /// A seeded sample of <paramref name="count"/> prompts, stratified by category so each category keeps its share;
    /// identical on every OS, culture and runtime (the algorithm is SHA-256 based and documented in docs/data.md).
    /// Use it to gate a pull request on a few hundred prompts instead of the whole file. When
    /// <paramref name="count"/> is at least the set's size, the whole set is returned.
    /// </summary>
    /// <remarks>
    /// Categories get floor(n·N_c/N) prompts plus one each for the largest remainders; inside a category the prompts
    /// with the smallest SHA-256(<c>orbench-sample-v1:{seed}:{id}</c>) are taken. The choice depends only on ids,
    /// categories, seed and count; the result keeps the input order.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static PromptSet Sample(this PromptSet set, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var chosen = StratifiedSampler.Choose(set.AsSpan(), count, seed);
        return set.Derive(set.Where((_, i) => chosen[i]));
    }

    /// <summary>
    /// Shard <paramref name="index"/> (1-based) of <paramref name="count"/>: disjoint, covering and stable. A prompt's
    /// shard is SHA-256(<c>orbench-shard-v1:{id}</c>) mod <paramref name="count"/>, so it depends on the id alone
    /// and never moves when the file is reordered or other prompts are added; shard sizes are equal in expectation.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Count is below 1, or index is outside 1..count.</exception>
    public static PromptSet Shard(this PromptSet set, int index, int count) => set.Shard(new ShardSpec(index, count));

    /// <summary>The prompts of one shard; see <see cref="Shard(PromptSet, int, int)"/>.</summary>
    public static PromptSet Shard(this PromptSet set, ShardSpec shard)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (shard.Count <= 1)
        {
            return set.Derive(set);
        }

        var slot = (ulong)(shard.Index - 1);
        var count = (ulong)shard.Count;
        return set.Derive(set.Where(p => SeededKeys.Shard(p.Id) % count == slot));
    }

    /// <summary>Prompt counts per category, most frequent first, then by name (ordinal).</summary>
    public static IReadOnlyList<KeyValuePair<OrBenchCategory, int>> CountByCategory(this PromptSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return set
            .GroupBy(p => p.Category)
            .Select(g => new KeyValuePair<OrBenchCategory, int>(g.Key, g.Count()))
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key.Value, StringComparer.Ordinal)
            .ToArray();
    }
}
