namespace OrBench.Testing.Generation.Moderation;

/// <summary>
/// k-of-m voting on the binary question "benign or toxic". Which toxic category a moderator names does not split
/// the toxic side (the set keeps the seed's category); unparseable and failed votes count for neither side.
/// </summary>
internal static class MajorityVote
{
    /// <summary>Decides one prompt.</summary>
    /// <param name="votes">One vote per moderator.</param>
    /// <param name="requiredVotes">k: votes a side needs.</param>
    public static ModerationDecision Decide(IReadOnlyList<ModeratorVote> votes, int requiredVotes)
    {
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentOutOfRangeException.ThrowIfLessThan(requiredVotes, 1);
        var benign = votes.Count(v => v.Benign);
        var toxic = votes.Count(v => v.Parsed && !v.Benign);
        var unparsed = votes.Count(v => !v.Parsed);
        var benignWins = benign >= requiredVotes;
        var toxicWins = toxic >= requiredVotes;
        return (benignWins, toxicWins) switch
        {
            (true, false) => ModerationDecision.Benign,
            (false, true) => ModerationDecision.Toxic,
            (true, true) => ModerationDecision.Tie,
            _ => unparsed > 0 ? ModerationDecision.Unresolved : ModerationDecision.Tie,
        };
    }
}
