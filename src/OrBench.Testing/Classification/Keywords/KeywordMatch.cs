namespace OrBench.Testing.Classification.Keywords;

/// <summary>The outcome of a keyword check: the label and the opener or phrase that decided it (null when nothing matched).</summary>
/// <param name="Label">The label.</param>
/// <param name="Pattern">The matched opener or phrase, as written in the patterns (apostrophes normalised).</param>
public readonly record struct KeywordMatch(VerdictLabel Label, string? Pattern);
