namespace OrBench.Testing.Snapshots;

/// <summary>What a snapshot check concluded.</summary>
public enum SnapshotStatus
{
    /// <summary>The records match the verified file; any stale received file was removed.</summary>
    Matched,

    /// <summary>There was no verified file and this is not CI: it was created from the received records.</summary>
    Created,

    /// <summary>The records differed and acceptance was requested: the verified file was overwritten.</summary>
    Accepted,

    /// <summary>The records differ: a received file was written next to the verified one.</summary>
    Mismatched,

    /// <summary>There is no verified file and this is CI: a received file was written, nothing was created.</summary>
    MissingOnCi,
}

/// <summary>The outcome of <see cref="VerifiedRecords.CheckAsync"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="VerifiedPath">The verified file.</param>
/// <param name="ReceivedPath">The received file (exists only for <see cref="SnapshotStatus.Mismatched"/> and <see cref="SnapshotStatus.MissingOnCi"/>).</param>
/// <param name="Diff">The differences found (empty when matched or created).</param>
public sealed record SnapshotCheck(SnapshotStatus Status, string VerifiedPath, string ReceivedPath, SnapshotDiff Diff)
{
    /// <summary>True when the test should pass.</summary>
    public bool Passed => Status is SnapshotStatus.Matched or SnapshotStatus.Created or SnapshotStatus.Accepted;
}
