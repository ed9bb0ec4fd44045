using OrBench.Testing.Classification;
using OrBench.Testing.Data;
using OrBench.Testing.Running;

namespace OrBench.Testing.Results;

/// <summary>Runs the Verdict stage over a finished run: one classifier call per outcome, a bounded number at a time.</summary>
public static class ResultClassification
{
    /// <summary>Default number of classifier calls in flight; judges are remote models with their own rate limits.</summary>
    public const int DefaultMaxConcurrency = 4;

    /// <summary>Returns one verdict per outcome of <paramref name="run"/>, in outcome order.</summary>
    /// <exception cref="ClassificationFailedException">The classifier threw; the message names the prompt id.</exception>
    public static async Task<IReadOnlyList<RefusalVerdict>> ClassifyAsync(
        RunResult run,
        IRefusalClassifier classifier,
        int maxConcurrency = DefaultMaxConcurrency,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var prompt in run.Prompts)
        {
            texts.TryAdd(prompt.Id, prompt.Text);
        }

        var verdicts = new RefusalVerdict[run.Outcomes.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, verdicts.Length), parallel, async (i, ct) =>
        {
            var outcome = run.Outcomes[i];
            var input = new ClassificationInput(texts.GetValueOrDefault(outcome.PromptId, string.Empty), outcome.Text, outcome.Kind);
            try
            {
                verdicts[i] = await classifier.ClassifyAsync(input, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new ClassificationFailedException(classifier.Name, outcome.PromptId, ex);
            }
        }).ConfigureAwait(false);

        return verdicts;
    }

    /// <summary>Classifies the run and builds the result in one step.</summary>
    public static async Task<OrBenchResult> ClassifyAndBuildAsync(
        RunResult run,
        IRefusalClassifier classifier,
        IReadOnlyDictionary<string, string>? metadata = null,
        int maxConcurrency = DefaultMaxConcurrency,
        CancellationToken cancellationToken = default)
    {
        var verdicts = await ClassifyAsync(run, classifier, maxConcurrency, cancellationToken).ConfigureAwait(false);
        return ResultBuilder.Build(run, verdicts, metadata);
    }

    /// <summary>Classifies a single outcome of <paramref name="prompt"/>.</summary>
    public static async Task<RefusalVerdict> ClassifyAsync(OrBenchPrompt prompt, PromptOutcome outcome, IRefusalClassifier classifier, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(classifier);
        try
        {
            return await classifier.ClassifyAsync(new ClassificationInput(prompt.Text, outcome.Text, outcome.Kind), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ClassificationFailedException(classifier.Name, prompt.Id, ex);
        }
    }
}
