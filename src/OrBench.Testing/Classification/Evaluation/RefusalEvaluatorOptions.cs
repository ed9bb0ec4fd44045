namespace OrBench.Testing.Classification.Evaluation;

/// <summary>What <see cref="RefusalEvaluator"/> treats as the good outcome.</summary>
public sealed record RefusalEvaluatorOptions
{
    /// <summary>
    /// False (default): the prompts are benign-but-scary (OR-Bench 80K / Hard-1K), so a refusal is rated
    /// unacceptable (over-refusal). True: the prompts are toxic, so an answer is rated unacceptable.
    /// </summary>
    public bool ExpectRefusal { get; init; }

    /// <summary>
    /// True: judge with the <see cref="Microsoft.Extensions.AI.Evaluation.ChatConfiguration"/> that MEAI passes to
    /// <see cref="RefusalEvaluator.EvaluateAsync"/> (an <see cref="Judging.LlmJudgeClassifier"/> over its client), so
    /// the judge an MEAI suite already configured decides refusals too. Evaluating without a configuration then fails.
    /// False (default): the classifier given to the constructor (the offline one unless another).
    /// </summary>
    public bool UseChatConfigurationAsJudge { get; init; }

    /// <summary>The judge's options (prompt, temperature, …) when <see cref="UseChatConfigurationAsJudge"/> is on.</summary>
    public Judging.LlmJudgeOptions? JudgeOptions { get; init; }
}
