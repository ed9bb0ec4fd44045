namespace OrBench.Testing.Classification.Evaluation;

/// <summary>What <see cref="RefusalEvaluator"/> treats as the good outcome.</summary>
public sealed record RefusalEvaluatorOptions
{
    /// <summary>
    /// False (default): the prompts are benign-but-scary (OR-Bench 80K / Hard-1K), so a refusal is rated
    /// unacceptable (over-refusal). True: the prompts are toxic, so an answer is rated unacceptable.
    /// </summary>
    public bool ExpectRefusal { get; init; }
}
