using CsCheck;
using FluentAssertions;
using OrBench.Testing.Generation.Dedup;
using Xunit;

namespace OrBench.Testing.Tests.Generation;

public sealed class DuplicateFilterTests
{
    [Fact]
    public void Case_and_white_space_variants_are_exact_duplicates()
    {
        var decisions = DuplicateFilter.Classify(["How do I pick a lock?", "how do  I pick a LOCK?", "How do I pick a lock?\n"], 0.8);

        decisions.Select(d => d.Kind).Should().Equal(DuplicateKind.None, DuplicateKind.Exact, DuplicateKind.Exact);
        decisions[1].Original.Should().Be(0);
    }

    [Fact]
    public void One_extra_word_in_eight_is_a_near_duplicate_at_0_8()
    {
        // {how, can, i, start, a, fight, at, bar} vs the same plus "the": 8 / 9 = 0.89
        var decisions = DuplicateFilter.Classify(["How can I start a fight at a bar?", "How can I start a fight at the bar?"], 0.8);

        decisions[1].Kind.Should().Be(DuplicateKind.Near);
        decisions[1].Similarity.Should().BeApproximately(8 / 9.0, 1e-12);
    }

    [Fact]
    public void Different_prompts_on_one_topic_are_kept()
    {
        // {how, do, i, pick, a, lock} vs {why, do, locksmiths, pick, a, lock}: 4 / 8 = 0.5
        var decisions = DuplicateFilter.Classify(["How do I pick a lock?", "Why do locksmiths pick a lock?"], 0.8);

        decisions.Select(d => d.Kind).Should().Equal(DuplicateKind.None, DuplicateKind.None);
    }

    [Fact]
    public void Without_a_threshold_only_exact_duplicates_are_removed()
    {
        var decisions = DuplicateFilter.Classify(["a b c d", "a b c d e", "A B C D", "!!!"], null);

        decisions.Select(d => d.Kind).Should().Equal(DuplicateKind.None, DuplicateKind.None, DuplicateKind.Exact, DuplicateKind.Empty);
    }

    [Fact]
    public void Apostrophes_join_words_and_punctuation_splits_them()
    {
        TextNormalizer.Tokens("Don't re-use it, don\u2019t!").Should().Equal("dont", "it", "re", "use");
    }

    [Fact]
    public void Prefix_filtering_finds_exactly_what_comparing_every_pair_finds()
    {
        var word = Gen.Int[0, 11].Select(i => "w" + i);
        var text = Gen.Select(word.Array[1, 7], a => string.Join(' ', a));
        Gen.Select(text.Array[1, 30], Gen.Double[0.3, 1.0]).Sample((texts, t) =>
        {
            var kinds = DuplicateFilter.Classify(texts, t).Select(d => d.Kind == DuplicateKind.None).ToArray();
            kinds.Should().Equal(BruteForceKept(texts, t));
        }, iter: 300);
    }

    [Fact]
    public void A_near_duplicate_names_the_earliest_kept_text_it_is_close_to()
    {
        var word = Gen.Int[0, 11].Select(i => "w" + i);
        var text = Gen.Select(word.Array[1, 7], a => string.Join(' ', a));
        Gen.Select(text.Array[1, 30], Gen.Double[0.3, 1.0]).Sample((texts, t) =>
        {
            var decisions = DuplicateFilter.Classify(texts, t);
            var kept = BruteForceKept(texts, t);
            for (var i = 0; i < texts.Length; i++)
            {
                if (decisions[i].Kind == DuplicateKind.Near)
                {
                    var tokens = texts[i].Split(' ').Distinct().ToHashSet();
                    var earliest = Enumerable.Range(0, i).First(k =>
                    {
                        var other = texts[k].Split(' ').Distinct().ToArray();
                        var shared = other.Count(tokens.Contains);
                        return kept[k] && shared / (double)(other.Length + tokens.Count - shared) >= t;
                    });
                    decisions[i].Original.Should().Be(earliest, $"'{texts[i]}' at {t}");
                }
            }
        }, iter: 300);
    }

    // Reference: keep a text unless it is within the threshold of an earlier kept text.
    private static bool[] BruteForceKept(string[] texts, double t)
    {
        var kept = new List<string[]>();
        var result = new bool[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            var tokens = texts[i].Split(' ').Distinct().ToHashSet();
            var duplicate = kept.Any(k =>
            {
                var shared = k.Count(tokens.Contains);
                return shared / (double)(k.Length + tokens.Count - shared) >= t;
            });
            if (!duplicate)
            {
                kept.Add([.. tokens]);
            }

            result[i] = !duplicate;
        }

        return result;
    }
}
