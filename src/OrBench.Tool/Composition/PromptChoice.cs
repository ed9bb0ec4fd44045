using OrBench.Testing.Data;

namespace OrBench.Tool.Composition;

/// <summary>
/// The prompt set <c>--prompts</c> named (<see cref="Loaded"/>) and what <c>--category</c>, <c>--sample</c> and <c>--shard</c>
/// chose from it (<see cref="Selection"/>). A responses file is matched against the whole set, so a
/// row of a prompt left out by the selection is not mistaken for one that matches no prompt at all.
/// </summary>
internal sealed record PromptChoice(PromptSet Loaded, PromptSelectionResult Selection);
