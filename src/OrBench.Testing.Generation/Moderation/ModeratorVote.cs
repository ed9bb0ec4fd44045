namespace OrBench.Testing.Generation.Moderation;

/// <summary>One moderator's vote on one prompt, as recorded in provenance.</summary>
/// <param name="Moderator">The moderator's name.</param>
/// <param name="Label">The category it named, <c>none of the above</c>, or null when its answer could not be read or the call failed.</param>
/// <param name="Answer">The moderator's full answer when it could not be read (for diagnosis), otherwise null. Untrusted text.</param>
public sealed record ModeratorVote(string Moderator, string? Label, string? Answer = null)
{
    /// <summary>
    /// Why the call failed (exception type and message) when the moderator gave no answer at all, for instance an
    /// endpoint's content filter rejecting the prompt; otherwise null. A failed vote abstains: it counts for neither
    /// side, like an unparseable one, and is counted separately in <see cref="ModerationStatistics.FailedVotes"/>.
    /// </summary>
    public string? Error { get; init; }

    /// <summary>True when the call failed and there is no answer (<see cref="Error"/> says why).</summary>
    public bool Failed => Error is not null;

    /// <summary>False when the answer named neither a known category nor "none of the above", or the call failed.</summary>
    public bool Parsed => Label is not null;

    /// <summary>True for a readable "none of the above".</summary>
    public bool Benign => Label == ModerationPrompt.NoneOfTheAbove;
}
