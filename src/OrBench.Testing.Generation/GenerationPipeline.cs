using System.Text.Json;
using OrBench.Testing.Generation.Checkpoints;
using OrBench.Testing.Generation.Moderation;
using OrBench.Testing.Generation.Output;
using OrBench.Testing.Generation.Rewriting;
using OrBench.Testing.Generation.Seeds;

namespace OrBench.Testing.Generation;

/// <summary>
/// The paper's generation pipeline over any <see cref="Microsoft.Extensions.AI.IChatClient"/>s: toxic seeds →
/// seemingly-toxic rewrites → moderator vote, writing an over-refusal set and a toxic set in the OR-Bench schema with
/// provenance. Each stage is concurrent (bounded by <see cref="GenerationOptions.MaxConcurrency"/>), cost-accounted
/// and checkpointed, so an interrupted run continues with <see cref="GenerationOptions.Resume"/> without repeating a
/// model call. Stage 4 (the hard subset) needs evaluation results first: see <see cref="HardSubset.HardSubsetSelector"/>.
/// </summary>
public sealed class GenerationPipeline
{
    /// <summary>Creates a pipeline; options are checked now so a bad flag fails before any model call.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public GenerationPipeline(GenerationModels models, GenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(models.Moderators.Count);
        Models = models;
        Options = options;
    }

    /// <summary>
    /// The id prefix of generated prompts. Ids are <see cref="Data.PromptIds.Derive(string, string)"/> with this prefix, so
    /// loading <c>over-refusal.csv</c> with <c>new CustomPromptSetOptions { IdPrefix = GenerationPipeline.IdPrefix }</c>
    /// gives the same ids as <c>provenance.jsonl</c>, and results can be traced back to their seeds.
    /// </summary>
    public const string IdPrefix = "gen-";

    /// <summary>The models.</summary>
    public GenerationModels Models { get; }

    /// <summary>The options.</summary>
    public GenerationOptions Options { get; }

    /// <summary>Runs (or resumes) stages 1–3 and writes the output files.</summary>
    /// <param name="progress">Receives a report after every model call (or replayed answer).</param>
    /// <param name="cancellationToken">Stops the run; finished stages and journaled answers are kept for <c>--resume</c>.</param>
    /// <exception cref="GenerationException">The output directory holds another run (without resume) or a checkpoint that does not match.</exception>
    public async Task<GenerationResult> RunAsync(IProgress<GenerationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetFullPath(Options.OutputDirectory);
        Directory.CreateDirectory(directory);
        string PathOf(string name) => Path.Combine(directory, name);
        RefuseForeignRun(directory);

        var ledger = new UsageLedger([Models.Generator, Models.Rewriter, .. Models.Moderators]);
        var resumed = new List<GenerationStage>();
        var optionsFingerprint = RunFingerprint.Of(
            new
            {
                seeds = RunFingerprint.SeedParameters(Models, Options),
                rewrites = RunFingerprint.RewriteParameters(Models, Options),
                moderation = RunFingerprint.ModerationParameters(Models, Options),
            },
            null,
            null);
        await using var journal = await CallJournal.OpenAsync(PathOf(GenerationFiles.CallJournal), Options.Resume, optionsFingerprint, cancellationToken);
        using var caller = new ModelCaller(journal, ledger, Options.MaxConcurrency, progress);

        // Stage 1
        var seedFingerprint = RunFingerprint.Of(RunFingerprint.SeedParameters(Models, Options), null, null);
        var seeds = await RunStageAsync(
            GenerationStage.Seeds,
            PathOf(GenerationFiles.SeedsCheckpoint),
            seedFingerprint,
            async ct =>
            {
                var (items, statistics) = await new SeedStage(caller, Models.Generator, Options).RunAsync(ct);
                return (items, statistics);
            },
            ledger,
            resumed,
            cancellationToken);

        // Stage 2
        var rewriteFingerprint = RunFingerprint.Of(RunFingerprint.RewriteParameters(Models, Options), seedFingerprint, seeds.Items);
        var rewrites = await RunStageAsync(
            GenerationStage.Rewrites,
            PathOf(GenerationFiles.RewritesCheckpoint),
            rewriteFingerprint,
            ct => new RewriteStage(caller, Models.Rewriter, Options).RunAsync(seeds.Items, ct),
            ledger,
            resumed,
            cancellationToken);

        // Stage 3
        var moderationFingerprint = RunFingerprint.Of(RunFingerprint.ModerationParameters(Models, Options), rewriteFingerprint, rewrites.Items);
        var moderation = await RunStageAsync(
            GenerationStage.Moderation,
            PathOf(GenerationFiles.ModerationCheckpoint),
            moderationFingerprint,
            ct => new ModerationStage(caller, Models.Moderators, Options).RunAsync(rewrites.Items, ct),
            ledger,
            resumed,
            cancellationToken);

        var summary = new GenerationSummary
        {
            Usage = ledger.All(),
            ResumedStages = resumed,
            Seeds = seeds.Statistics,
            Rewrites = rewrites.Statistics,
            Moderation = moderation.Statistics,
        };

        var writer = new GenerationOutputWriter(Models, Options, moderationFingerprint);
        await writer.WriteAsync(directory, seeds.Items, rewrites.Items, moderation.Items, summary, seedFingerprint, rewriteFingerprint, cancellationToken);
        await journal.DeleteAsync();

        return new GenerationResult(
            directory,
            PathOf(GenerationFiles.OverRefusalCsv),
            PathOf(GenerationFiles.ToxicCsv),
            PathOf(GenerationFiles.ProvenanceJsonl),
            summary);
    }

    private void RefuseForeignRun(string directory)
    {
        if (Options.Resume)
        {
            return;
        }

        string[] markers =
        [
            GenerationFiles.SeedsCheckpoint, GenerationFiles.RewritesCheckpoint, GenerationFiles.ModerationCheckpoint,
            GenerationFiles.CallJournal, GenerationFiles.ManifestJson,
        ];
        var found = markers.FirstOrDefault(m => File.Exists(Path.Combine(directory, m)));
        if (found is not null)
        {
            var path = Path.Combine(directory, found);
            throw new GenerationException(
                $"Output directory '{directory}' already holds a generation run ('{found}'). Resume it (--resume) or choose an empty directory.")
            { Path = path };
        }
    }

    private async Task<StageCheckpoint<TItem, TStatistics>> RunStageAsync<TItem, TStatistics>(
        GenerationStage stage,
        string checkpointPath,
        string fingerprint,
        Func<CancellationToken, Task<(IReadOnlyList<TItem> Items, TStatistics Statistics)>> run,
        UsageLedger ledger,
        List<GenerationStage> resumed,
        CancellationToken cancellationToken)
    {
        if (Options.Resume && File.Exists(checkpointPath))
        {
            var loaded = await StageCheckpoint<TItem, TStatistics>.ReadAsync(checkpointPath, stage, fingerprint, cancellationToken);
            ledger.RecordCheckpoint(loaded.Usage);
            resumed.Add(stage);
            return loaded;
        }

        var (items, statistics) = await run(cancellationToken);
        var checkpoint = new StageCheckpoint<TItem, TStatistics>(
            StageCheckpoint<TItem, TStatistics>.CurrentSchemaVersion, stage, fingerprint, items, statistics, ledger.ForStage(stage));
        await checkpoint.WriteAsync(checkpointPath, cancellationToken);
        return checkpoint;
    }
}
