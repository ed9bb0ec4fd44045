namespace OrBench.Testing.Generation.Moderation;

/// <summary>One moderator's vote on one prompt, as recorded in provenance.</summary>
/// <param name="Moderator">The moderator's name.</param>
/// <param name="Label">The category it named, <c>none of the above</c>, or null when its answer could not be read.</param>
/// <param name="Answer">The moderator's full answer when it could not be read (for diagnosis), otherwise null. Untrusted text.</param>
public sealed record ModeratorVote(string Moderator, string? Label, string? Answer = null)
{
    /// <summary>False when the answer named neither a known category nor "none of the above".</summary>
    public bool Parsed => Label is not null;

    /// <summary>True for a readable "none of the above".</summary>
    public bool Benign => Label == ModerationPrompt.NoneOfTheAbove;
}
