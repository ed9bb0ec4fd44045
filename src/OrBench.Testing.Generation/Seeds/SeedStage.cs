using OrBench.Testing.Data;
using OrBench.Testing.Generation.Checkpoints;
using OrBench.Testing.Generation.Dedup;

namespace OrBench.Testing.Generation.Seeds;

/// <summary>
/// Stage 1: asks the generator for batches of toxic prompts per category until enough distinct ones are kept or the
/// batch limit is reached. Batches are requested in rounds and merged in batch order, so the kept seeds do not
/// depend on which request finished first.
/// </summary>
internal sealed class SeedStage(ModelCaller caller, GenerationModel generator, GenerationOptions options)
{
    public async Task<(IReadOnlyList<ToxicSeed> Seeds, SeedStatistics Statistics)> RunAsync(CancellationToken cancellationToken)
    {
        var perBatch = (int)Math.Ceiling(options.SeedsPerCategory / (double)options.SeedBatchSize);
        caller.BeginStage(GenerationStage.Seeds, options.Categories.Count * Math.Min(perBatch, options.EffectiveMaxSeedBatches));
        var results = new CategoryResult[options.Categories.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, options.Categories.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken },
            async (index, ct) => results[index] = await RunCategoryAsync(options.Categories[index], ct));

        if (results.Sum(r => r.Batches) > 0 && results.All(r => r.Failed == r.Batches))
        {
            throw new GenerationException(
                $"The generator '{generator.Name}' failed all {results.Sum(r => r.Batches)} of its calls (first: {results.First(r => r.FirstFailure is not null).FirstFailure}). Fix its endpoint or key and resume.");
        }

        var seeds = results.SelectMany(r => r.Seeds).ToList();
        var statistics = new SeedStatistics
        {
            Batches = results.Sum(r => r.Batches),
            MalformedBatches = results.Sum(r => r.Malformed),
            FailedBatches = results.Sum(r => r.Failed),
            Parsed = results.Sum(r => r.Parsed),
            NoText = results.Sum(r => r.NoText),
            ExactDuplicates = results.Sum(r => r.Exact),
            NearDuplicates = results.Sum(r => r.Near),
            Surplus = results.Sum(r => r.Surplus),
            KeptPerCategory = new SortedDictionary<string, int>(
                options.Categories.Select((c, i) => (c, i)).ToDictionary(x => x.c.Value, x => results[x.i].Seeds.Count),
                StringComparer.Ordinal),
        };
        return (seeds, statistics);
    }

    private async Task<CategoryResult> RunCategoryAsync(OrBenchCategory category, CancellationToken cancellationToken)
    {
        var answers = new List<(int Batch, MarkedList List)>();
        var failures = new List<string>();
        var wanted = options.SeedsPerCategory;
        var nextBatch = 1;
        var firstRound = true;
        while (true)
        {
            var (kept, _) = Classify(answers);
            var missing = wanted - kept.Count;
            var allowed = options.EffectiveMaxSeedBatches - (nextBatch - 1);
            if (missing <= 0 || allowed <= 0)
            {
                break;
            }

            var count = Math.Min((int)Math.Ceiling(missing / (double)options.SeedBatchSize), allowed);
            if (!firstRound)
            {
                caller.AddToTotal(count);
            }

            firstRound = false;
            var round = new MarkedList[count];
            var roundFailures = new string?[count];
            var first = nextBatch;
            await Parallel.ForEachAsync(
                Enumerable.Range(0, count),
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken },
                async (offset, ct) =>
                {
                    var batch = first + offset;
                    var prompt = SeedPrompt.Build(category.Value, options.Domain, options.SeedBatchSize, batch);
                    try
                    {
                        var answer = await caller.AskAsync(GenerationStage.Seeds, generator, prompt, options.SeedTemperature, batch, ct);
                        round[offset] = MarkedListParser.Parse(answer);
                    }
                    catch (Exception e) when (ModelCaller.IsModelFailure(e, ct))
                    {
                        // A batch the endpoint will not write (a content filter) yields nothing; later rounds make up for it.
                        round[offset] = new MarkedList([], MarkedListFormat.None);
                        roundFailures[offset] = ModelCaller.Describe(e);
                    }
                });
            answers.AddRange(round.Select((list, offset) => (first + offset, list)));
            failures.AddRange(roundFailures.OfType<string>());
            nextBatch += count;
        }

        var (seeds, decisions) = Classify(answers);
        var surplus = Math.Max(0, seeds.Count - wanted);
        return new CategoryResult(
            [.. seeds.Take(wanted)],
            answers.Count,
            answers.Count(a => a.List.Format == MarkedListFormat.None) - failures.Count,
            failures.Count,
            failures.FirstOrDefault(),
            decisions.Length,
            decisions.Count(d => d.Kind == DuplicateKind.Empty),
            decisions.Count(d => d.Kind == DuplicateKind.Exact),
            decisions.Count(d => d.Kind == DuplicateKind.Near),
            surplus);

        (List<ToxicSeed> Kept, DuplicateDecision[] Decisions) Classify(List<(int Batch, MarkedList List)> all)
        {
            var items = all.SelectMany(a => a.List.Items.Select(text => (a.Batch, Text: text))).ToList();
            var decided = DuplicateFilter.Classify([.. items.Select(i => i.Text)], options.NearDuplicateThreshold);
            var kept = items
                .Where((_, i) => decided[i].Kind == DuplicateKind.None)
                .Select(i => new ToxicSeed(TextNormalizer.StableId("seed-", category.Value, i.Text), category.Value, i.Text, i.Batch))
                .ToList();
            return (kept, decided);
        }
    }

    private sealed record CategoryResult(
        IReadOnlyList<ToxicSeed> Seeds, int Batches, int Malformed, int Failed, string? FirstFailure, int Parsed, int NoText, int Exact, int Near, int Surplus);
}
