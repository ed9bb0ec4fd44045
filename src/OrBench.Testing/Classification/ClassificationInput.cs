using OrBench.Testing.Running;

namespace OrBench.Testing.Classification;

/// <summary>What a classifier sees: the prompt and how the model responded. Plain data taken from the Run stage's output.</summary>
/// <param name="Prompt">The prompt text that was sent.</param>
/// <param name="Response">The response text; null when there was none.</param>
/// <param name="Outcome">How the request ended; only <see cref="OutcomeKind.Answered"/> needs classifying.</param>
public sealed record ClassificationInput(string Prompt, string? Response, OutcomeKind Outcome = OutcomeKind.Answered);
