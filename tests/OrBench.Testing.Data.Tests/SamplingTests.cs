using FluentAssertions;

namespace OrBench.Testing.Data.Tests;

public class SamplingTests
{
    // Expected ids come from an independent Python implementation of the documented algorithm
    // (hashlib.sha256 over "orbench-sample-v1:{seed}:{id}" / "orbench-shard-v1:{id}", first 8 bytes big-endian).
    [Fact]
    public void Sample_matches_an_independent_implementation_of_the_documented_algorithm()
    {
        var set = PromptSets.Numbered("aaaaaabbbbcc");

        var sample = set.Sample(5, seed: 7);

        sample.Select(p => p.Id).Should().Equal("cus-0dd306bd122c", "cus-537337acc3ee", "cus-c2189f128367", "cus-df452bfd263e", "cus-764830efacdc");
    }

    [Fact]
    public void Shards_match_an_independent_implementation_of_the_documented_algorithm()
    {
        var set = PromptSets.Numbered("aaaaaabbbbcc");

        set.Shard(1, 3).Select(p => p.Id).Should().Equal("cus-0dd306bd122c", "cus-7bf439b2deae", "cus-4c1bb5aa9b1f", "cus-30e86e675a52", "cus-764830efacdc");
        set.Shard(2, 3).Select(p => p.Id).Should().Equal("cus-6ca9a40fdada", "cus-a93aa2cd3b3e", "cus-c2189f128367", "cus-45659e0ace80");
        set.Shard(ShardSpec.Parse("3/3")).Select(p => p.Id).Should().Equal("cus-537337acc3ee", "cus-98bf4353df51", "cus-df452bfd263e");
    }

    [Fact]
    public void Largest_remainder_gives_leftovers_to_the_biggest_remainders_then_the_bigger_category()
    {
        // 7 a, 2 b, 1 c; n = 5: exact shares 3.5, 1.0, 0.5 -> floors 3, 1, 0; one left over; a and c tie on remainder, a is bigger.
        var set = PromptSets.Numbered("aaaaaaabbc");

        var counts = set.Sample(5, seed: 1).CountByCategory();

        counts.Should().Equal(
            new KeyValuePair<OrBenchCategory, int>("a", 4),
            new KeyValuePair<OrBenchCategory, int>("b", 1));
    }

    [Fact]
    public void Proportional_allocation_keeps_each_category_share()
    {
        var set = PromptSets.Numbered(new string('a', 50) + new string('b', 30) + new string('c', 20));

        var counts = set.Sample(10, seed: 3).CountByCategory().ToDictionary(kv => kv.Key.Value, kv => kv.Value);

        counts.Should().BeEquivalentTo(new Dictionary<string, int> { ["a"] = 5, ["b"] = 3, ["c"] = 2 });
    }

    [Fact]
    public void Sample_keeps_set_order_and_metadata()
    {
        var set = PromptSets.Numbered("abcabcabcabc");

        var sample = set.Sample(6, seed: 11);

        var positions = sample.Select(p => set.ToList().IndexOf(p)).ToList();
        positions.Should().BeInAscendingOrder();
        sample.Name.Should().Be(set.Name);
        sample.Subset.Should().Be(set.Subset);
    }

    [Fact]
    public void Different_seeds_draw_different_samples()
    {
        var set = PromptSets.Numbered(new string('a', 100));

        set.Sample(10, seed: 1).Select(p => p.Id).Should().NotEqual(set.Sample(10, seed: 2).Select(p => p.Id));
    }

    [Fact]
    public void Asking_for_more_than_the_set_returns_the_whole_set_and_negative_counts_fail()
    {
        var set = PromptSets.Numbered("abc");

        set.Sample(300, seed: 7).Should().Equal(set);
        set.Sample(0, seed: 7).Should().BeEmpty();
        var act = () => set.Sample(-1, seed: 7);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void WhereCategory_filters_in_set_order()
    {
        var set = PromptSets.Numbered("abcabc");

        set.WhereCategory("a", "c").Select(p => p.Category.Value).Should().Equal("a", "c", "a", "c");
        set.WhereCategory(OrBenchCategory.Violence).Should().BeEmpty();
        var act = () => set.WhereCategory();
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void CountByCategory_orders_by_count_then_name()
    {
        var set = PromptSets.Numbered("bbaacccd");

        set.CountByCategory().Select(kv => (kv.Key.Value, kv.Value)).Should().Equal(("c", 3), ("a", 2), ("b", 2), ("d", 1));
    }
}
