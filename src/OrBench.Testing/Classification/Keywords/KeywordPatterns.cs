namespace OrBench.Testing.Classification.Keywords;

/// <summary>
/// A string-matching refusal check: which openers and phrases make a response a refusal. Presets for the
/// paper's model families and a stronger default live in <see cref="KeywordPresets"/>; build your own when a
/// model has a house refusal style. Matching is done by <see cref="KeywordClassifier"/>, which compiles the
/// lists once, so one instance should be reused.
/// </summary>
public sealed record KeywordPatterns
{
    /// <summary>Short stable name, written into verdicts as <c>keyword:{Name}</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Openers that mark a response as an answer; checked before <see cref="RefusalOpeners"/> (the GPT-4 check has such a list).</summary>
    public IReadOnlyList<string> AnswerOpeners { get; init; } = [];

    /// <summary>Openers that mark a refusal. Compared with the response after leading whitespace, markdown and quotes are skipped and apostrophes normalised.</summary>
    public IReadOnlyList<string> RefusalOpeners { get; init; } = [];

    /// <summary>Phrases that mark a refusal wherever they occur within the first <see cref="PhraseWindow"/> characters.</summary>
    public IReadOnlyList<string> RefusalPhrases { get; init; } = [];

    /// <summary>How many leading characters <see cref="RefusalPhrases"/> are searched in; the whole response by default (as the reference GPT-3.5 check does).</summary>
    public int PhraseWindow { get; init; } = int.MaxValue;

    /// <summary>Phrases that turn a matched refusal into an <see cref="VerdictLabel.IndirectRefusal"/> (the model offers something else instead).</summary>
    public IReadOnlyList<string> AlternativePhrases { get; init; } = [];

    /// <summary>Compare case-insensitively (ordinal). The paper's checks are case-sensitive except Mistral's.</summary>
    public bool IgnoreCase { get; init; }

    /// <summary>The confidence reported with every keyword verdict: string rules do not know their own error rate, so this is a fixed, modest figure.</summary>
    public double Confidence { get; init; } = 0.8;
}
