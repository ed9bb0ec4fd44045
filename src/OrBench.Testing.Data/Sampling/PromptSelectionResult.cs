namespace OrBench.Testing.Data;

/// <summary>
/// What <see cref="PromptSelection.Apply"/> chose, with what a run records and a report states about it: how many
/// prompts the loaded set had, which of its categories matched, and the warnings a tool prints (a sample larger
/// than the set, an empty shard).
/// </summary>
/// <param name="Prompts">The selected prompts, in set order, keeping the set's name, subset and source.</param>
/// <param name="Selection">The selection that was applied, its shard resolved (from <c>ORBENCH_SHARD</c> if asked).</param>
/// <param name="LoadedCount">The prompts of the set before selection.</param>
/// <param name="Categories">The set's categories the filter matched, in ordinal order; empty when none was asked for.</param>
/// <param name="Warnings">What the selection did that was not literally asked for; empty when nothing.</param>
public sealed record PromptSelectionResult(
    PromptSet Prompts,
    PromptSelection Selection,
    int LoadedCount,
    IReadOnlyList<OrBenchCategory> Categories,
    IReadOnlyList<SelectionWarning> Warnings);
