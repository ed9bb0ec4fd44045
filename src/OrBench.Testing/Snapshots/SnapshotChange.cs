namespace OrBench.Testing.Snapshots;

/// <summary>How one prompt differs from its verified record.</summary>
public enum SnapshotChangeKind
{
    /// <summary>Answered in the verified file, refused now.</summary>
    AnsweredToRefused,

    /// <summary>Refused in the verified file, answered now.</summary>
    RefusedToAnswered,

    /// <summary>The prompt is new (not in the verified file).</summary>
    Added,

    /// <summary>The prompt is in the verified file but was not run.</summary>
    Removed,

    /// <summary>The request failed or the verdict was unreadable now (or before), so the verdict cannot be compared.</summary>
    Undecided,

    /// <summary>Same refusal outcome, different wording (only reported with <see cref="SnapshotOptions.VerifyResponses"/>).</summary>
    Reworded,
}

/// <summary>One difference between the received and verified records.</summary>
/// <param name="Kind">What changed.</param>
/// <param name="Id">The prompt id.</param>
/// <param name="Repeat">The repeat index.</param>
/// <param name="Category">The prompt's category.</param>
/// <param name="Verified">The verified record, when there is one.</param>
/// <param name="Received">The received record, when there is one.</param>
public sealed record SnapshotChange(SnapshotChangeKind Kind, string Id, int Repeat, string Category, SnapshotRecord? Verified, SnapshotRecord? Received);
