namespace OrBench.Testing.Generation.Moderation;

/// <summary>The ensemble's votes and decision on one kept rewrite (stage 3).</summary>
/// <param name="Id">The rewrite's id.</param>
/// <param name="Votes">One vote per moderator, in moderator order.</param>
/// <param name="Decision">The k-of-m decision.</param>
internal sealed record ModeratedPrompt(string Id, IReadOnlyList<ModeratorVote> Votes, ModerationDecision Decision);
