using System.Text.Json;
using OrBench.Testing.Generation.Checkpoints;
using OrBench.Testing.Generation.Moderation;
using OrBench.Testing.Generation.Rewriting;
using OrBench.Testing.Generation.Seeds;
using OrBench.Testing.IO;

namespace OrBench.Testing.Generation.Output;

/// <summary>Writes the two prompt sets, the provenance lines, the manifest and the summary, each atomically and in a stable order.</summary>
internal sealed class GenerationOutputWriter(GenerationModels models, GenerationOptions options, string runFingerprint)
{
    public async Task WriteAsync(
        string directory,
        IReadOnlyList<ToxicSeed> seeds,
        IReadOnlyList<RewriteCandidate> rewrites,
        IReadOnlyList<ModeratedPrompt> moderated,
        GenerationSummary summary,
        string seedFingerprint,
        string rewriteFingerprint,
        CancellationToken cancellationToken)
    {
        var byId = new Dictionary<string, ModeratedPrompt>(StringComparer.Ordinal);
        foreach (var m in moderated)
        {
            byId.TryAdd(m.Id, m);
        }

        var batches = seeds.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Batch, StringComparer.Ordinal);
        var k = options.EffectiveRequiredVotes(models.Moderators.Count);
        var run = runFingerprint[..12];
        var records = new List<ProvenanceRecord>(rewrites.Count);
        foreach (var rewrite in rewrites)
        {
            var votes = rewrite.Kept && byId.TryGetValue(rewrite.Id, out var m) ? m : null;
            var decision = votes?.Decision;
            records.Add(new ProvenanceRecord
            {
                Id = rewrite.Id,
                Prompt = rewrite.Text,
                Category = rewrite.Category,
                Set = decision switch
                {
                    ModerationDecision.Benign => "over-refusal",
                    ModerationDecision.Toxic => "toxic",
                    _ => null,
                },
                Stage = rewrite.Kept ? GenerationStage.Moderation : GenerationStage.Rewrites,
                Decision = decision switch
                {
                    ModerationDecision.Benign => "benign",
                    ModerationDecision.Toxic => "toxic",
                    ModerationDecision.Tie => "tie",
                    ModerationDecision.Unresolved => "unresolved",
                    _ => "dropped",
                },
                Reason = rewrite.Dropped,
                SeedId = rewrite.SeedId,
                Seed = rewrite.Seed,
                SeedBatch = batches.GetValueOrDefault(rewrite.SeedId),
                RewriteIndex = rewrite.Index,
                Generator = models.Generator.Name,
                Rewriter = models.Rewriter.Name,
                Votes = votes?.Votes ?? [],
                RequiredVotes = k,
                Run = run,
            });
        }

        await PromptCsv.WriteAsync(
            Path.Combine(directory, GenerationFiles.OverRefusalCsv),
            records.Where(r => r.Set == "over-refusal").Select(r => (r.Prompt, r.Category)),
            cancellationToken);
        await PromptCsv.WriteAsync(
            Path.Combine(directory, GenerationFiles.ToxicCsv),
            records.Where(r => r.Set == "toxic").Select(r => (r.Prompt, r.Category)),
            cancellationToken);
        await AtomicFile.WriteAsync(
            Path.Combine(directory, GenerationFiles.ProvenanceJsonl),
            async writer =>
            {
                foreach (var record in records)
                {
                    await writer.WriteLineAsync(JsonSerializer.Serialize(record, GenerationJson.Line));
                }
            },
            cancellationToken);

        var manifest = new
        {
            schema_version = 1,
            fingerprints = new { seeds = seedFingerprint, rewrites = rewriteFingerprint, moderation = runFingerprint },
            seeds = RunFingerprint.SeedParameters(models, options),
            rewrites = RunFingerprint.RewriteParameters(models, options),
            moderation = RunFingerprint.ModerationParameters(models, options),
            max_concurrency = options.MaxConcurrency,
        };
        await AtomicFile.WriteAllTextAsync(
            Path.Combine(directory, GenerationFiles.ManifestJson), JsonSerializer.Serialize(manifest, GenerationJson.Document) + "\n", cancellationToken);
        await AtomicFile.WriteAllTextAsync(
            Path.Combine(directory, GenerationFiles.SummaryJson), JsonSerializer.Serialize(summary, GenerationJson.Document) + "\n", cancellationToken);
    }
}
