using FluentAssertions;
using OrBench.Testing.Generation;
using OrBench.Testing.Generation.Output;
using Xunit;

namespace OrBench.Testing.Tests.Generation;

public sealed class GenerationSummaryTextTests
{
    [Fact]
    public void Report_lists_stage_counts_then_usage_per_model()
    {
        var summary = new GenerationSummary
        {
            Usage =
            [
                new GenerationUsage(GenerationStage.Seeds, "gen", 4, 0, 1000, 200, 0.5m),
                new GenerationUsage(GenerationStage.Moderation, "mod", 10, 3, 5000, 100, 1.25m),
            ],
            ResumedStages = [GenerationStage.Seeds],
            Seeds = new SeedStatistics
            {
                Batches = 4,
                MalformedBatches = 1,
                Parsed = 60,
                ExactDuplicates = 2,
                NearDuplicates = 3,
                Surplus = 5,
                KeptPerCategory = new SortedDictionary<string, int> { ["hate"] = 50 },
            },
            Rewrites = new RewriteStatistics
            {
                Requests = 50,
                Parsed = 240,
                Kept = 200,
                ExactDuplicates = 4,
                NearDuplicates = 6,
                DroppedByRule = new SortedDictionary<string, int> { ["framing"] = 10, ["reversal"] = 20 },
            },
            Moderation = new ModerationStatistics
            {
                Moderated = 200,
                Benign = 150,
                Toxic = 40,
                Ties = 4,
                Unresolved = 6,
                Disagreements = 30,
                UnparseableVotes = new SortedDictionary<string, int> { ["a"] = 5, ["b"] = 2 },
            },
        };

        GenerationSummaryText.Format(summary).Should().Be(
            "seeds:      50 kept of 60 parsed from 4 batches (1 malformed, 2 exact + 3 near duplicates, 5 surplus)\n" +
            "rewrites:   200 kept of 240 parsed from 50 seeds (0 malformed; dropped by rule: framing 10, reversal 20; 4 exact + 6 near duplicates)\n" +
            "moderation: 150 benign, 40 toxic, 4 ties, 6 unresolved of 200 (30 with disagreement, 7 unparseable votes)\n" +
            "  seeds      gen: 4 calls (0 replayed), 1000 in + 200 out tokens, cost 0.5\n" +
            "  moderation mod: 10 calls (3 replayed), 5000 in + 100 out tokens, cost 1.25\n" +
            "total:      14 calls (3 replayed), 6000 in + 300 out tokens, estimated cost 1.75\n" +
            "resumed:    seeds\n");
    }
}
