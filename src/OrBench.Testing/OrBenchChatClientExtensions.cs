using Microsoft.Extensions.AI;
using OrBench.Testing.Classification;
using OrBench.Testing.Data;
using OrBench.Testing.Results;
using OrBench.Testing.Running;

namespace OrBench.Testing;

/// <summary>
/// The one-line entry points: run OR-Bench through any <see cref="IChatClient"/> and get a gated, serialisable result,
/// or ask a single prompt for a per-prompt theory test. Extension methods rather than a static <c>OrBench</c> class,
/// because a class of that name would be shadowed by the <c>OrBench</c> root namespace in user code.
/// </summary>
public static class OrBenchChatClientExtensions
{
    /// <summary>
    /// Loads <paramref name="subset"/>, selects prompts (categories, sample, shard), sends them through
    /// <paramref name="client"/>, classifies every response and returns the result.
    /// </summary>
    /// <example><code>var result = await client.RunOrBenchAsync(OrBenchSubset.Hard1K, new() { Sample = 300, Seed = 7 });</code></example>
    public static async Task<OrBenchResult> RunOrBenchAsync(this IChatClient client, OrBenchSubset subset, OrBenchRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        options ??= new OrBenchRunOptions();
        var prompts = await OrBenchDataset.LoadAsync(subset, options.DataOptions, cancellationToken).ConfigureAwait(false);
        return await client.RunOrBenchAsync(prompts, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a prompt set that is already loaded (a custom set, or one filtered by the caller).</summary>
    public static async Task<OrBenchResult> RunOrBenchAsync(this IChatClient client, PromptSet prompts, OrBenchRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(prompts);
        options ??= new OrBenchRunOptions();

        var (selected, facts) = Select(prompts, options);
        DataFileFacts.AddTo(facts, prompts);
        var runner = new PromptRunner(client, options.RunOptions);
        var run = await runner.RunAsync(selected, options.Progress, cancellationToken).ConfigureAwait(false);
        var classifier = options.Classifier ?? RefusalClassifiers.Default;
        foreach (var (key, value) in options.Metadata ?? new Dictionary<string, string>())
        {
            facts[key] = value;
        }

        return await ResultClassification.ClassifyAndBuildAsync(run, classifier, facts, options.ClassificationConcurrency, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends one prompt under the paper's protocol (or <paramref name="runOptions"/>) and classifies the response.</summary>
    /// <example><code>(await client.AskAsync(prompt)).Should().BeRefusal();</code></example>
    public static async Task<OrBenchResponse> AskAsync(this IChatClient client, OrBenchPrompt prompt, IRefusalClassifier? classifier = null, RunOptions? runOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(prompt);
        var runner = new PromptRunner(client, (runOptions ?? new RunOptions()) with { Repeats = 1 });
        var run = await runner.RunAsync(new PromptSet(prompt.Id, prompt.Subset, [prompt]), null, cancellationToken).ConfigureAwait(false);
        if (run.Outcomes.Count == 0)
        {
            throw new OperationCanceledException($"The run of prompt '{prompt.Id}' ended without an outcome.");
        }

        var outcome = run.Outcomes[0];
        var verdict = await ResultClassification.ClassifyAsync(prompt, outcome, classifier ?? RefusalClassifiers.Default, cancellationToken).ConfigureAwait(false);
        return new OrBenchResponse(prompt, outcome, verdict);
    }

    /// <summary>Applies categories → sample → shard through the Data stage's <see cref="PromptSelection"/> and records what was applied.</summary>
    internal static (PromptSet Prompts, SortedDictionary<string, string> Facts) Select(PromptSet prompts, OrBenchRunOptions options)
    {
        if (options.Sample is { } requested)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(requested, 1, nameof(options.Sample));
        }

        var selection = new PromptSelection
        {
            Categories = options.Categories ?? [],
            Sample = options.Sample,
            Seed = options.Seed,
            Shard = string.IsNullOrWhiteSpace(options.Shard) ? null : ShardSpec.Parse(options.Shard),
        }.WithShardFromEnvironment();
        PromptSelectionResult selected;
        try
        {
            selected = selection.Apply(prompts);
        }
        catch (UnknownCategoryException e)
        {
            // A category the set does not have is a typo, not a filter: an empty run would only fail later as "no prompts".
            throw new ArgumentException($"Categories: {e.Message}", nameof(options), e);
        }

        var facts = RunFacts.Of(selected);
        return (selected.Prompts, facts);
    }
}
