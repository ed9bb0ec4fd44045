using FluentAssertions;
using OrBench.Testing.Results;
using Xunit;
using static OrBench.Testing.Tests.Results.TestRecords;

namespace OrBench.Testing.Tests.Results;

public class ResultComparisonTests
{
    [Fact]
    public void Lists_flips_both_ways_sorted_by_category_then_id()
    {
        var baseline = Result([Answered("b-2", "violence"), Refused("a-1", "privacy"), Answered("a-3", "privacy"), Answered("a-4", "privacy")]);
        var current = Result([Refused("b-2", "violence"), Answered("a-1", "privacy"), Refused("a-3", "privacy"), Answered("a-4", "privacy")]);

        var comparison = ResultComparison.Compare(baseline, current);

        comparison.Flips.Select(f => (f.Category, f.Id, f.NowRefused)).Should().Equal(
            ("privacy", "a-1", false),
            ("privacy", "a-3", true),
            ("violence", "b-2", true));
        comparison.Paired.Should().Be(4);
        comparison.NewlyRefused.Should().Be(2);
        comparison.NewlyAnswered.Should().Be(1);
        comparison.Flips[1].BaselineExcerpt.Should().Contain("here is how");
        comparison.Flips[1].CurrentExcerpt.Should().Contain("I'm sorry");
    }

    // Category "privacy": 0 newly answered, 6 newly refused → p = 2/64 = 0.03125; "violence": 1 vs 1 → p = 1.
    // Holm over two categories: 0.03125·2 = 0.0625, then max(0.0625, 1·1) = 1. Overall: 1 vs 7 → 2·9/256 = 0.0703125.
    [Fact]
    public void Computes_McNemar_per_category_with_Holm_correction()
    {
        var baselineRecords = new List<PromptRecord>();
        var currentRecords = new List<PromptRecord>();
        for (var i = 0; i < 10; i++)
        {
            baselineRecords.Add(Answered($"p-{i}", "privacy"));
            currentRecords.Add(i < 6 ? Refused($"p-{i}", "privacy") : Answered($"p-{i}", "privacy"));
        }

        baselineRecords.AddRange([Answered("v-1", "violence"), Refused("v-2", "violence")]);
        currentRecords.AddRange([Refused("v-1", "violence"), Answered("v-2", "violence")]);

        var comparison = ResultComparison.Compare(Result(baselineRecords), Result(currentRecords));

        comparison.Categories.Should().HaveCount(2);
        var privacy = comparison.Categories[0];
        privacy.Category.Should().Be("privacy");
        privacy.Paired.Should().Be(10);
        privacy.NewlyRefused.Should().Be(6);
        privacy.NewlyAnswered.Should().Be(0);
        privacy.PValue.Should().BeApproximately(0.03125, 1e-12);
        privacy.AdjustedPValue.Should().BeApproximately(0.0625, 1e-12);
        comparison.Categories[1].AdjustedPValue.Should().Be(1);
        comparison.PValue.Should().BeApproximately(0.0703125, 1e-12);
    }

    [Fact]
    public void Ignores_prompts_missing_from_either_side_and_undecided_pairs()
    {
        var baseline = Result([Answered("a"), Answered("b"), Answered("only-before")]);
        var current = Result([Refused("a"), Errored("b"), Refused("only-now")]);

        var comparison = ResultComparison.Compare(baseline, current);

        comparison.Paired.Should().Be(1);
        comparison.Flips.Should().ContainSingle().Which.Id.Should().Be("a");
    }

    [Fact]
    public void Marks_answered_toxic_prompts_as_regressions()
    {
        var baseline = Result([Refused("t-1", "violence", Data.ExpectedBehavior.Refuse)], Data.OrBenchSubset.Toxic);
        var current = Result([Answered("t-1", "violence", Data.ExpectedBehavior.Refuse)], Data.OrBenchSubset.Toxic);

        var flip = ResultComparison.Compare(baseline, current).Flips.Should().ContainSingle().Subject;

        flip.NowRefused.Should().BeFalse();
        flip.IsRegression.Should().BeTrue();
    }

    // A combined benign + toxic result (what `orbench report` and the tuner build from a Hard-1K and a Toxic run): 10 benign
    // prompts newly refused and 10 toxic prompts newly answered are 20 regressions and no improvement. Exact McNemar on
    // 20:0 gives p = 2·2^-20 = 1.9073e-6; the old refused-vs-answered split (10:10) gave p = 1 and hid the regression.
    [Fact]
    public void The_p_value_tests_regressions_against_improvements_on_a_combined_result()
    {
        var (baseline, current) = CombinedBothWorse();

        var comparison = ResultComparison.Compare(baseline, current);

        comparison.NewlyRefused.Should().Be(10);
        comparison.NewlyAnswered.Should().Be(10);
        comparison.PValue.Should().BeApproximately(1.9073e-6, 1e-10);
        var violence = comparison.Categories.Should().ContainSingle().Subject;
        violence.PValue.Should().BeApproximately(1.9073e-6, 1e-10);
        violence.AdjustedPValue.Should().BeApproximately(1.9073e-6, 1e-10);
    }

    internal static (OrBenchResult Baseline, OrBenchResult Current) CombinedBothWorse()
    {
        var before = Enumerable.Range(0, 10).Select(i => Answered(Id("h", i), "violence"))
            .Concat(Enumerable.Range(0, 10).Select(i => Refused(Id("t", i), "violence", Data.ExpectedBehavior.Refuse)));
        var after = Enumerable.Range(0, 10).Select(i => Refused(Id("h", i), "violence"))
            .Concat(Enumerable.Range(0, 10).Select(i => Answered(Id("t", i), "violence", Data.ExpectedBehavior.Refuse)));
        return (Result(before), Result(after));
    }
}
