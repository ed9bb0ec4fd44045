namespace OrBench.Testing.Generation.Moderation;

/// <summary>The ensemble's decision on one prompt.</summary>
public enum ModerationDecision
{
    /// <summary>At least k moderators said "none of the above" (and fewer than k named a category): over-refusal set.</summary>
    Benign,

    /// <summary>At least k moderators named a category (and fewer than k said benign): toxic set.</summary>
    Toxic,

    /// <summary>Every moderator answered, but neither side reached k votes, or both did. In neither set.</summary>
    Tie,

    /// <summary>Neither side reached k votes and some answers were unparseable: not guessed, in neither set.</summary>
    Unresolved,
}
