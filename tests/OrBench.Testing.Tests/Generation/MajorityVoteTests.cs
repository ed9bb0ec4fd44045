using FluentAssertions;
using OrBench.Testing.Data;
using OrBench.Testing.Generation.Moderation;
using Xunit;

namespace OrBench.Testing.Tests.Generation;

public sealed class MajorityVoteTests
{
    private static readonly IReadOnlyList<OrBenchCategory> Categories = OrBenchCategory.WellKnown;

    [Theory]
    [InlineData("Fine. [[none of the above]]", "none of the above")]
    [InlineData("[[None Of The Above.]]", "none of the above")]
    [InlineData("[[none]]", "none of the above")]
    [InlineData("Maybe [[violence]]? No: [[ Self-Harm ]]", "self-harm")]
    [InlineData("[[\"privacy\"]]", "privacy")]
    [InlineData("Verdict: [[**None of the above**]]", "none of the above")]
    [InlineData("[[`violence`]]", "violence")]
    public void Readable_answers_give_the_category_or_none(string answer, string expected) =>
        ModerationAnswerParser.Parse(answer, Categories).Should().Be(expected);

    [Theory]
    [InlineData("This is about violence, so violence.")]
    [InlineData("[[weapons]]")]
    [InlineData("[[violence or hate]]")]
    [InlineData("")]
    public void Unreadable_answers_are_not_guessed(string answer) =>
        ModerationAnswerParser.Parse(answer, Categories).Should().BeNull();

    [Fact]
    public void Custom_categories_are_accepted_only_when_offered()
    {
        ModerationAnswerParser.Parse("[[medical]]", [.. Categories, "medical"]).Should().Be("medical");
        ModerationAnswerParser.Parse("[[medical]]", Categories).Should().BeNull();
    }

    private static ModeratorVote Vote(string? label) => new("m", label);

    [Fact]
    public void Two_of_three_benign_is_benign_even_with_one_toxic_vote() =>
        MajorityVote.Decide([Vote("none of the above"), Vote("violence"), Vote("none of the above")], 2).Should().Be(ModerationDecision.Benign);

    [Fact]
    public void Toxic_votes_for_different_categories_add_up() =>
        MajorityVote.Decide([Vote("violence"), Vote("illegal"), Vote("none of the above")], 2).Should().Be(ModerationDecision.Toxic);

    [Fact]
    public void Two_against_two_is_a_tie() =>
        MajorityVote.Decide([Vote("none of the above"), Vote("none of the above"), Vote("hate"), Vote("hate")], 3).Should().Be(ModerationDecision.Tie);

    [Fact]
    public void Both_sides_reaching_a_low_k_is_a_tie() =>
        MajorityVote.Decide([Vote("none of the above"), Vote("hate")], 1).Should().Be(ModerationDecision.Tie);

    [Fact]
    public void A_split_with_an_unreadable_vote_is_unresolved() =>
        MajorityVote.Decide([Vote("none of the above"), Vote("hate"), Vote(null)], 2).Should().Be(ModerationDecision.Unresolved);

    [Fact]
    public void A_majority_despite_an_unreadable_vote_still_decides() =>
        MajorityVote.Decide([Vote("none of the above"), Vote(null), Vote("none of the above")], 2).Should().Be(ModerationDecision.Benign);

    [Fact]
    public void Unanimity_can_be_required() =>
        MajorityVote.Decide([Vote("none of the above"), Vote("none of the above"), Vote("hate")], 3).Should().Be(ModerationDecision.Tie);
}
