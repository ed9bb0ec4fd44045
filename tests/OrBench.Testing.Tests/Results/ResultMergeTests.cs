using FluentAssertions;
using OrBench.Testing.Results;
using Xunit;
using static OrBench.Testing.Tests.Results.TestRecords;

namespace OrBench.Testing.Tests.Results;

public class ResultMergeTests
{
    [Fact]
    public void Merges_disjoint_shards_into_one_sorted_result()
    {
        var shard1 = Result([Answered("b"), Refused("d")]) with { WallSeconds = 10, Metadata = new Dictionary<string, string> { ["shard"] = "1/2", ["seed"] = "7" } };
        var shard2 = Result([Refused("a"), Answered("c")]) with { WallSeconds = 5, StartedAt = shard1.StartedAt.AddMinutes(-1), Metadata = new Dictionary<string, string> { ["shard"] = "2/2", ["seed"] = "7" } };

        var merged = ResultMerge.Merge([shard1, shard2]);

        merged.Records.Select(r => r.Id).Should().Equal("a", "b", "c", "d");
        merged.WallSeconds.Should().Be(15);
        merged.StartedAt.Should().Be(shard2.StartedAt);
        merged.Metadata.Should().Contain("seed", "7").And.Contain("shards", "2").And.NotContainKey("shard");
        merged.OverRefusalRate().Count.Should().Be(2);
    }

    [Fact]
    public void A_prompt_in_two_shards_is_an_error_naming_it()
    {
        var act = () => ResultMerge.Merge([Result([Answered("a"), Answered("x")]), Result([Refused("x")])]);

        act.Should().Throw<ResultMergeException>().WithMessage("*'x'*shard 1 and shard 2*");
    }

    [Fact]
    public void Shards_of_different_models_are_not_merged()
    {
        var act = () => ResultMerge.Merge([Result([Answered("a")]), Result([Answered("b")]) with { Model = "other" }]);

        act.Should().Throw<ResultMergeException>().WithMessage("*'other'*");
    }

    private static OrBenchResult Shard(string spec, Dictionary<string, string> facts, params PromptRecord[] records)
    {
        facts["shard"] = spec;
        return Result(records) with { Metadata = facts };
    }

    // Two samples of 300 drawn with different seeds are different prompt sets: pooling them would report one rate over a
    // mixture that no run measured.
    [Theory]
    [InlineData("seed", "7", "8")]
    [InlineData("sample", "300", "500")]
    [InlineData("repeats", "1", "3")]
    [InlineData("classifier", "keyword", "offline")]
    [InlineData("categories", "privacy", "violence")]
    public void Shards_of_different_run_configurations_are_refused_naming_the_fact(string key, string first, string second)
    {
        var act = () => ResultMerge.Merge([
            Shard("1/2", new() { [key] = first }, Answered("a")),
            Shard("2/2", new() { [key] = second }, Answered("b"))]);

        act.Should().Throw<ResultMergeException>().WithMessage($"Shard 2 has {key} '{second}' but shard 1 has {key} '{first}'*");
    }

    [Fact]
    public void A_sampled_shard_is_not_merged_with_an_unsampled_one()
    {
        var act = () => ResultMerge.Merge([Shard("1/2", new() { ["seed"] = "7" }, Answered("a")), Shard("2/2", new(), Answered("b"))]);

        act.Should().Throw<ResultMergeException>().WithMessage("*seed (not recorded)*seed '7'*");
    }

    [Fact]
    public void Shards_of_one_cascade_run_may_list_different_stages()
    {
        var merged = ResultMerge.Merge([
            Shard("1/2", new() { ["classifier"] = "offline" }, Answered("a")),
            Shard("2/2", new() { ["classifier"] = "judge,offline" }, Answered("b"))]);

        merged.Metadata.Should().Contain("classifier", "judge,offline");
    }

    [Fact]
    public void The_same_shard_twice_is_refused()
    {
        var act = () => ResultMerge.Merge([Shard("1/2", new(), Answered("a")), Shard("1/2", new(), Answered("b"))], names: ["run-a/results.json", "run-b/results.json"]);

        act.Should().Throw<IncompleteShardSetException>().WithMessage("shard 1/2 of * is given twice: run-a/results.json and run-b/results.json; keep one of them");
    }

    [Fact]
    public void A_missing_shard_is_refused_naming_the_shards_given()
    {
        var act = () => ResultMerge.Merge([Shard("1/3", new(), Answered("a")), Shard("3/3", new(), Answered("c"))], names: ["s1.json", "s3.json"]);

        act.Should().Throw<IncompleteShardSetException>()
            .Where(e => e.MissingShards.SequenceEqual(new[] { "2/3" }))
            .WithMessage("* is missing shard 2/3; given: 1/3 (s1.json), 3/3 (s3.json)");
    }

    [Fact]
    public void A_partial_set_merges_when_allowed_and_records_the_missing_shards()
    {
        var merged = ResultMerge.Merge([Shard("1/3", new(), Answered("a")), Shard("3/3", new(), Answered("c"))], allowPartial: true);

        merged.Records.Select(r => r.Id).Should().Equal("a", "c");
        merged.Metadata.Should().Contain(RunFacts.MissingShards, "2/3").And.Contain(RunFacts.Shards, "2");
    }

    [Fact]
    public void Shards_marked_by_a_partial_check_merge_without_being_told_again()
    {
        var checkedSet = ShardSet.Check([Shard("1/2", new(), Answered("a"))], allowPartial: true);

        checkedSet.Warnings.Should().ContainSingle().Which.Should().Contain("missing shard 2/2");
        ResultMerge.Merge(checkedSet.Results).Metadata.Should().Contain(RunFacts.MissingShards, "2/2");
    }

    [Fact]
    public void Shards_of_different_splits_are_refused()
    {
        var act = () => ResultMerge.Merge([Shard("1/2", new(), Answered("a")), Shard("3/4", new(), Answered("b"))]);

        act.Should().Throw<IncompleteShardSetException>().WithMessage("*split differently (result 1 is 1/2, result 2 is 3/4)*");
    }

    [Fact]
    public void One_cancelled_shard_marks_the_merged_result_cancelled()
    {
        var merged = ResultMerge.Merge([Shard("1/2", new() { ["cancelled"] = "true" }, Answered("a")), Shard("2/2", new(), Answered("b"))]);

        merged.Metadata.Should().Contain("cancelled", "true");
    }
}
