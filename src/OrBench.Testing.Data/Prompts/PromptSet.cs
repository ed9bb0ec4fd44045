using System.Collections;

namespace OrBench.Testing.Data;

/// <summary>
/// An ordered, immutable set of prompts with a name and provenance. Filtering, sampling and sharding
/// return new sets and never reorder prompts unpredictably, so the same inputs give the same set on every machine.
/// </summary>
public sealed class PromptSet : IReadOnlyList<OrBenchPrompt>
{
    private readonly OrBenchPrompt[] _prompts;

    /// <summary>Creates a set from prompts that are already loaded.</summary>
    /// <param name="name">Shown in reports and error messages, e.g. <c>or-bench-hard-1k</c>.</param>
    /// <param name="subset">The subset the prompts belong to.</param>
    /// <param name="prompts">The prompts, in file order.</param>
    public PromptSet(string name, OrBenchSubset subset, IEnumerable<OrBenchPrompt> prompts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(prompts);
        Name = name;
        Subset = subset;
        _prompts = [.. prompts];
    }

    /// <summary>Shown in reports and error messages.</summary>
    public string Name { get; }

    /// <summary>The subset the prompts belong to.</summary>
    public OrBenchSubset Subset { get; }

    /// <summary>
    /// The file the set was loaded from (path, size, SHA-256, revision), or null for sets built in code. Filtered,
    /// sampled and sharded sets keep the source of the set they came from.
    /// </summary>
    public PromptSetSource? Source { get; init; }

    /// <summary>
    /// True when this set is every prompt of the published file: the bytes are the published ones
    /// (<see cref="PromptSetSource.IsPublishedFile"/>) and no row was filtered, sampled, sharded or dropped away. The
    /// one condition under which a report may say "all N prompts" of the benchmark.
    /// </summary>
    public bool IsWholePublishedSet => Source is { IsPublishedFile: true } source && Count == source.RowCount;

    /// <inheritdoc />
    public int Count => _prompts.Length;

    /// <inheritdoc />
    public OrBenchPrompt this[int index] => _prompts[index];

    /// <inheritdoc />
    public IEnumerator<OrBenchPrompt> GetEnumerator() => ((IEnumerable<OrBenchPrompt>)_prompts).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A set with the same name, subset and source holding other prompts (a filter, sample or shard of this one).</summary>
    internal PromptSet Derive(IEnumerable<OrBenchPrompt> prompts) => new(Name, Subset, prompts) { Source = Source };

    /// <summary>The prompts as a span, for allocation-free passes.</summary>
    internal ReadOnlySpan<OrBenchPrompt> AsSpan() => _prompts;
}
