using System.Globalization;

namespace OrBench.Testing.Data;

/// <summary>
/// Which prompts of a set to run: categories, then a seeded stratified sample, then one shard, always in that order,
/// so every shard of a sampled run agrees on the sample and a category filter never changes which shard a prompt is
/// in. The one place this order, the case-insensitive category match and <c>ORBENCH_SHARD</c> are decided: the
/// library's run entry points, its data attributes and the <c>orbench</c> tool all select through it.
/// </summary>
/// <example><code>
/// var selected = new PromptSelection { Categories = ["privacy"], Sample = 300, Seed = 7 }
///     .WithShardFromEnvironment()
///     .Apply(set);
/// foreach (var warning in selected.Warnings) Console.Error.WriteLine(warning);
/// </code></example>
public sealed record PromptSelection
{
    /// <summary>Every prompt of the set: no category filter, no sample, no shard.</summary>
    public static PromptSelection All { get; } = new();

    /// <summary>
    /// Keep only these categories; empty keeps all. Matched without regard to case (<c>Privacy</c> selects
    /// <c>privacy</c>), since a category named on a command line or in an attribute is a name, not a byte string. A
    /// category the set does not have fails with <see cref="UnknownCategoryException"/>.
    /// </summary>
    public IReadOnlyList<OrBenchCategory> Categories { get; init; } = [];

    /// <summary>
    /// Run a seeded, category-stratified sample of this many prompts (see <see cref="PromptSetExtensions.Sample"/>);
    /// null runs all. A sample larger than the set runs the whole set and adds a
    /// <see cref="SelectionWarningKind.SampleLargerThanSet"/> warning.
    /// </summary>
    public int? Sample { get; init; }

    /// <summary>The seed of <see cref="Sample"/>; the same seed gives the same prompts on every machine.</summary>
    public int Seed { get; init; }

    /// <summary>Run one shard of the (sampled) set; null runs all. See <see cref="WithShardFromEnvironment()"/>.</summary>
    public ShardSpec? Shard { get; init; }

    /// <summary>
    /// This selection with <see cref="Shard"/> taken from <c>ORBENCH_SHARD</c> (e.g. <c>3/8</c>) when it is not set
    /// already: a CI matrix sets the variable, and code that names a shard explicitly wins over it.
    /// </summary>
    /// <exception cref="FormatException">The variable is set but is not <c>k/n</c>; the message names the variable.</exception>
    public PromptSelection WithShardFromEnvironment() => WithShardFromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>
    /// As <see cref="WithShardFromEnvironment()"/>, reading variables through <paramref name="environment"/>, for
    /// hosts with an environment of their own (a command-line tool under test, a configuration system).
    /// </summary>
    /// <exception cref="FormatException">The variable is set but is not <c>k/n</c>; the message names the variable.</exception>
    public PromptSelection WithShardFromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Shard is not null ? this : this with { Shard = ShardSpec.FromEnvironment(environment) };
    }

    /// <summary>Applies categories, then sample, then shard to <paramref name="set"/>.</summary>
    /// <returns>The selected prompts (in set order, keeping the set's name, subset and source) and any warnings.</returns>
    /// <exception cref="UnknownCategoryException">A category is not in the set; the message lists the set's categories.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Sample"/> is below 1.</exception>
    public PromptSelectionResult Apply(PromptSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var warnings = new List<SelectionWarning>();
        var selected = set;
        IReadOnlyList<OrBenchCategory> matched = [];
        if (Categories is { Count: > 0 } categories)
        {
            matched = MatchCategories(set, categories);
            selected = selected.WhereCategory([.. matched]);
        }

        if (Sample is { } sample)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(sample, 1, nameof(Sample));
            if (sample > selected.Count)
            {
                warnings.Add(new SelectionWarning(
                    SelectionWarningKind.SampleLargerThanSet,
                    string.Create(CultureInfo.InvariantCulture, $"a sample of {sample:N0} was asked for, but {Describe(set, matched)} holds {selected.Count:N0} prompts: all {selected.Count:N0} are used.")));
            }
            else
            {
                selected = selected.Sample(sample, Seed);
            }
        }

        if (Shard is { Count: > 1 } shard)
        {
            var before = selected.Count;
            selected = selected.Shard(shard);
            if (selected.Count == 0 && before > 0)
            {
                warnings.Add(new SelectionWarning(
                    SelectionWarningKind.EmptyShard,
                    string.Create(CultureInfo.InvariantCulture, $"shard {shard} holds none of the {before:N0} selected prompts of {set.Name}: use fewer shards.")));
            }
        }

        return new PromptSelectionResult(selected, this, set.Count, matched, warnings);
    }

    /// <summary>The set's categories that the requested names match (case-insensitively), in ordinal order.</summary>
    private static OrBenchCategory[] MatchCategories(PromptSet set, IReadOnlyList<OrBenchCategory> requested)
    {
        var present = set.Select(p => p.Category.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var matched = new SortedSet<string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var category in requested)
        {
            var name = category.Value ?? string.Empty;
            var hits = present.Where(p => string.Equals(p, name.Trim(), StringComparison.OrdinalIgnoreCase)).ToArray();
            if (hits.Length == 0)
            {
                if (!unknown.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    unknown.Add(name);
                }

                continue;
            }

            matched.UnionWith(hits);
        }

        if (unknown.Count > 0)
        {
            throw new UnknownCategoryException(set.Name, unknown, present);
        }

        return [.. matched.Select(m => new OrBenchCategory(m))];
    }

    private static string Describe(PromptSet set, IReadOnlyList<OrBenchCategory> categories) =>
        categories.Count == 0 ? set.Name : $"{set.Name} in {string.Join(", ", categories.Select(c => c.Value))}";
}
