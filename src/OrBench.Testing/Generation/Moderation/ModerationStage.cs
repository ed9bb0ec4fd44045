using OrBench.Testing.Generation.Checkpoints;
using OrBench.Testing.Generation.Rewriting;

namespace OrBench.Testing.Generation.Moderation;

/// <summary>Stage 3: every moderator votes on every kept rewrite; the k-of-m rule decides.</summary>
internal sealed class ModerationStage(ModelCaller caller, IReadOnlyList<GenerationModel> moderators, GenerationOptions options)
{
    /// <summary>Longest unparseable answer kept in provenance.</summary>
    private const int MaxAnswerLength = 2000;

    public async Task<(IReadOnlyList<ModeratedPrompt> Prompts, ModerationStatistics Statistics)> RunAsync(
        IReadOnlyList<RewriteCandidate> rewrites, CancellationToken cancellationToken)
    {
        var kept = rewrites.Where(r => r.Kept).ToList();
        var categories = options.EffectiveModerationCategories;
        var k = options.EffectiveRequiredVotes(moderators.Count);
        var votes = new ModeratorVote[kept.Count, moderators.Count];
        caller.BeginStage(GenerationStage.Moderation, kept.Count * moderators.Count);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, kept.Count * moderators.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken },
            async (cell, ct) =>
            {
                var (row, column) = Math.DivRem(cell, moderators.Count);
                var moderator = moderators[column];
                var prompt = ModerationPrompt.Build(kept[row].Text, categories);
                var answer = await caller.AskAsync(GenerationStage.Moderation, moderator, prompt, options.ModerationTemperature, null, ct);
                var label = ModerationAnswerParser.Parse(answer, categories);
                votes[row, column] = new ModeratorVote(
                    moderator.Name, label, label is null ? (answer.Length > MaxAnswerLength ? answer[..MaxAnswerLength] : answer) : null);
            });

        var results = new List<ModeratedPrompt>(kept.Count);
        for (var row = 0; row < kept.Count; row++)
        {
            var rowVotes = Enumerable.Range(0, moderators.Count).Select(c => votes[row, c]).ToList();
            results.Add(new ModeratedPrompt(kept[row].Id, rowVotes, MajorityVote.Decide(rowVotes, k)));
        }

        var unparseable = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var moderator in moderators)
        {
            unparseable[moderator.Name] = results.Count(r => r.Votes.Any(v => v.Moderator == moderator.Name && !v.Parsed));
        }

        var statistics = new ModerationStatistics
        {
            Moderated = results.Count,
            Benign = results.Count(r => r.Decision == ModerationDecision.Benign),
            Toxic = results.Count(r => r.Decision == ModerationDecision.Toxic),
            Ties = results.Count(r => r.Decision == ModerationDecision.Tie),
            Unresolved = results.Count(r => r.Decision == ModerationDecision.Unresolved),
            Disagreements = results.Count(r => r.Votes.Where(v => v.Parsed).Select(v => v.Benign).Distinct().Count() > 1),
            UnparseableVotes = unparseable,
        };
        return (results, statistics);
    }
}
