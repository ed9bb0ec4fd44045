using FluentAssertions;

namespace OrBench.Testing.Data.Tests;

public class PromptSelectionTests
{
    /// <summary>40 prompts: 20 'privacy', 12 'violence', 8 'illegal'.</summary>
    private static PromptSet Set() =>
        PromptSets.From(Enumerable.Range(0, 40).Select(i => ($"prompt {i}", i < 20 ? "privacy" : i < 32 ? "violence" : "illegal")));

    [Fact]
    public void Categories_then_sample_then_shard_is_the_order_applied()
    {
        var set = Set();
        var selection = new PromptSelection { Categories = ["privacy", "violence"], Sample = 10, Seed = 3, Shard = new ShardSpec(2, 3) };

        var result = selection.Apply(set);

        var byHand = set.WhereCategory("privacy", "violence").Sample(10, 3).Shard(2, 3);
        result.Prompts.Select(p => p.Id).Should().Equal(byHand.Select(p => p.Id));
        result.LoadedCount.Should().Be(40);
        result.Categories.Select(c => c.Value).Should().Equal("privacy", "violence");
        result.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void The_shards_of_a_sample_together_are_the_sample()
    {
        var set = Set();
        var sample = new PromptSelection { Sample = 15, Seed = 9 };

        var shards = Enumerable.Range(1, 4).SelectMany(k => (sample with { Shard = new ShardSpec(k, 4) }).Apply(set).Prompts);

        shards.Select(p => p.Id).Order(StringComparer.Ordinal).Should().Equal(sample.Apply(set).Prompts.Select(p => p.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Categories_match_without_regard_to_case()
    {
        var result = new PromptSelection { Categories = ["Privacy", "ILLEGAL"] }.Apply(Set());

        result.Prompts.Should().HaveCount(28);
        result.Categories.Select(c => c.Value).Should().Equal("illegal", "privacy");
    }

    [Fact]
    public void An_unknown_category_is_a_typed_error_listing_the_categories_that_exist()
    {
        var act = () => new PromptSelection { Categories = ["privacy", "privcy", "Privcy"] }.Apply(Set());

        var error = act.Should().Throw<UnknownCategoryException>().Which;
        error.Unknown.Should().Equal("privcy");
        error.Available.Should().Equal("illegal", "privacy", "violence");
        error.SetName.Should().Be("test");
        error.Message.Should().Be("test has no prompts in category 'privcy'; its categories are illegal, privacy, violence.");
        error.Should().BeAssignableTo<OrBenchDataException>();
    }

    [Fact]
    public void A_sample_larger_than_the_set_uses_the_whole_set_and_says_so()
    {
        var result = new PromptSelection { Categories = ["illegal"], Sample = 5000 }.Apply(Set());

        result.Prompts.Should().HaveCount(8);
        var warning = result.Warnings.Should().ContainSingle().Which;
        warning.Kind.Should().Be(SelectionWarningKind.SampleLargerThanSet);
        warning.Message.Should().Contain("5,000").And.Contain("test in illegal holds 8 prompts").And.Contain("all 8 are used");
    }

    [Fact]
    public void A_sample_of_exactly_the_set_size_needs_no_warning()
    {
        var result = new PromptSelection { Sample = 40 }.Apply(Set());

        result.Prompts.Should().HaveCount(40);
        result.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void A_sample_below_one_is_refused()
    {
        var act = () => new PromptSelection { Sample = 0 }.Apply(Set());

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Sample");
    }

    [Fact]
    public void A_shard_that_holds_nothing_is_reported()
    {
        var two = PromptSets.Numbered("ab");
        var results = Enumerable.Range(1, 8).Select(k => new PromptSelection { Shard = new ShardSpec(k, 8) }.Apply(two)).ToList();

        results.Sum(r => r.Prompts.Count).Should().Be(2);
        results.Where(r => r.Prompts.Count == 0).Should().HaveCountGreaterThanOrEqualTo(6)
            .And.OnlyContain(r => r.Warnings.Single().Kind == SelectionWarningKind.EmptyShard);
    }

    [Fact]
    public void ORBENCH_SHARD_is_read_through_the_given_environment_and_an_explicit_shard_wins()
    {
        var environment = new Dictionary<string, string> { ["ORBENCH_SHARD"] = "2/4" };
        string? Read(string name) => environment.TryGetValue(name, out var value) ? value : null;

        new PromptSelection().WithShardFromEnvironment(Read).Shard.Should().Be(new ShardSpec(2, 4));
        new PromptSelection { Shard = new ShardSpec(1, 3) }.WithShardFromEnvironment(Read).Shard.Should().Be(new ShardSpec(1, 3));
        new PromptSelection().WithShardFromEnvironment(_ => null).Shard.Should().BeNull();
        new PromptSelection().WithShardFromEnvironment(_ => "  ").Shard.Should().BeNull();
    }

    [Fact]
    public void A_malformed_ORBENCH_SHARD_names_the_variable()
    {
        var act = () => new PromptSelection().WithShardFromEnvironment(_ => "3of8");

        act.Should().Throw<FormatException>().WithMessage("ORBENCH_SHARD: '3of8' is not a shard*");
    }

    [Fact]
    public void Selection_keeps_the_source_so_a_report_knows_the_file_it_came_from()
    {
        var source = new PromptSetSource("f.csv", 10, "abc", null) { RowCount = 40, IsPublishedFile = true };
        var set = new PromptSet("s", OrBenchSubset.Custom, Set()) { Source = source };

        PromptSelection.All.Apply(set).Prompts.IsWholePublishedSet.Should().BeTrue();
        var sampled = new PromptSelection { Sample = 10 }.Apply(set).Prompts;
        sampled.Source.Should().Be(source);
        sampled.IsWholePublishedSet.Should().BeFalse();
    }
}
