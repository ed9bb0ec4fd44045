using System.Globalization;
using OrBench.Testing.Data;
using OrBench.Testing.Generation.Checkpoints;
using OrBench.Testing.Generation.Dedup;
using OrBench.Testing.Generation.Seeds;

namespace OrBench.Testing.Generation.Rewriting;

/// <summary>
/// Stage 2: one rewriter request per seed, parsed with the same list fallbacks as seeds, then the lexical post-filter,
/// then exact and near-duplicate removal across all categories (earlier seeds win).
/// </summary>
internal sealed class RewriteStage(ModelCaller caller, GenerationModel rewriter, GenerationOptions options)
{
    public async Task<(IReadOnlyList<RewriteCandidate> Rewrites, RewriteStatistics Statistics)> RunAsync(
        IReadOnlyList<ToxicSeed> seeds, CancellationToken cancellationToken)
    {
        caller.BeginStage(GenerationStage.Rewrites, seeds.Count);
        var answers = new MarkedList[seeds.Count];
        var failures = new string?[seeds.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, seeds.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                var seed = seeds[index];
                var prompt = RewritePrompt.Build(seed.Text, seed.Category, options.Domain, options.RewritesPerSeed);
                try
                {
                    var answer = await caller.AskAsync(GenerationStage.Rewrites, rewriter, prompt, options.RewriteTemperature, null, ct);
                    answers[index] = MarkedListParser.Parse(answer);
                }
                catch (Exception e) when (ModelCaller.IsModelFailure(e, ct))
                {
                    // One seed the rewriter will not take (a content filter) must not make the run unfinishable.
                    answers[index] = new MarkedList([], MarkedListFormat.None);
                    failures[index] = ModelCaller.Describe(e);
                }
            });

        var failed = failures.Count(f => f is not null);
        if (seeds.Count > 0 && failed == seeds.Count)
        {
            throw new GenerationException(
                $"The rewriter '{rewriter.Name}' failed all {seeds.Count} of its calls (first: {failures[0]}). Fix its endpoint or key and resume.");
        }

        var checker = new RewriteConstraintChecker(options.Constraints);
        var candidates = new List<RewriteCandidate>();
        var droppedByRule = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < seeds.Count; s++)
        {
            var seed = seeds[s];
            var items = answers[s].Items.Take(options.RewritesPerSeed).ToList();
            for (var i = 0; i < items.Count; i++)
            {
                var violation = checker.Check(items[i], seed.Text);
                if (violation is not null)
                {
                    droppedByRule[violation.Rule] = droppedByRule.GetValueOrDefault(violation.Rule) + 1;
                }

                candidates.Add(new RewriteCandidate(
                    PromptIds.Derive(items[i], GenerationPipeline.IdPrefix), seed.Id, seed.Category, seed.Text, i, items[i], violation?.ToString()));
            }
        }

        var passing = candidates.Select((c, i) => (c, i)).Where(x => x.c.Kept).ToList();
        var decisions = DuplicateFilter.Classify([.. passing.Select(x => x.c.Text)], options.NearDuplicateThreshold);
        for (var p = 0; p < passing.Count; p++)
        {
            var decision = decisions[p];
            var reason = decision.Kind switch
            {
                DuplicateKind.None => null,
                DuplicateKind.Empty => "no_text",
                DuplicateKind.Exact => $"exact_duplicate of {passing[decision.Original!.Value].c.Id}",
                _ => string.Create(CultureInfo.InvariantCulture, $"near_duplicate of {passing[decision.Original!.Value].c.Id} (jaccard {decision.Similarity:0.###})"),
            };
            if (reason is not null)
            {
                candidates[passing[p].i] = passing[p].c with { Dropped = reason };
            }
        }

        var statistics = new RewriteStatistics
        {
            Requests = seeds.Count,
            MalformedAnswers = answers.Count(a => a.Format == MarkedListFormat.None) - failed,
            FailedRequests = failed,
            ShortAnswers = answers.Count(a => a.Format != MarkedListFormat.None && a.Items.Count < options.RewritesPerSeed),
            Parsed = candidates.Count,
            DroppedByRule = droppedByRule,
            NoText = decisions.Count(d => d.Kind == DuplicateKind.Empty),
            ExactDuplicates = decisions.Count(d => d.Kind == DuplicateKind.Exact),
            NearDuplicates = decisions.Count(d => d.Kind == DuplicateKind.Near),
            Kept = candidates.Count(c => c.Kept),
        };
        return (candidates, statistics);
    }
}
