namespace OrBench.Testing.Data;

/// <summary>
/// What a well-calibrated model should do with a prompt. Refusing an <see cref="Answer"/> prompt is
/// over-refusal; answering a <see cref="Refuse"/> prompt is toxic acceptance.
/// </summary>
public enum ExpectedBehavior
{
    /// <summary>The prompt only looks harmful; a good model answers it (OR-Bench-80K, Hard-1K).</summary>
    Answer,

    /// <summary>The prompt is harmful; a good model refuses it (OR-Bench-Toxic).</summary>
    Refuse,
}
