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
}
