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
                string answer;
                try
                {
                    answer = await caller.AskAsync(GenerationStage.Moderation, moderator, prompt, options.ModerationTemperature, null, ct);
                }
                catch (Exception e) when (ModelCaller.IsModelFailure(e, ct))
                {
                    // One prompt an endpoint will not judge (a content filter, a malformed request) must not make the
                    // whole run unfinishable: the vote abstains, and is reported.
                    votes[row, column] = new ModeratorVote(moderator.Name, null) { Error = ModelCaller.Describe(e, MaxAnswerLength) };
                    return;
                }

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
        var failed = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var column = 0; column < moderators.Count; column++)
        {
            var name = moderators[column].Name;
            unparseable[name] = Enumerable.Range(0, kept.Count).Count(row => votes[row, column] is { Parsed: false, Failed: false });
            failed[name] = Enumerable.Range(0, kept.Count).Count(row => votes[row, column].Failed);
            if (kept.Count > 0 && failed[name] == kept.Count)
            {
                // Every call failing is a broken endpoint or key, not prompts it will not judge: stop before the
                // checkpoint, so --resume asks again once it is fixed.
                throw new GenerationException(
                    $"Moderator '{name}' failed all {kept.Count} of its calls (first: {votes[0, column].Error}). " +
                    "Fix its endpoint or key and resume; the other moderators' answers are journaled and will not be requested again.");
            }
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
            FailedVotes = failed,
        };
        return (results, statistics);
    }
}
