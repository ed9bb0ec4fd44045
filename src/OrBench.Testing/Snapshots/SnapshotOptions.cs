namespace OrBench.Testing.Snapshots;

/// <summary>
/// How verified records are checked. Defaults follow Verify: the file sits beside the test source, verdict flips fail,
/// wording changes do not, <c>ORBENCH_ACCEPT=1</c> accepts, and <c>CI=true</c> (or <c>TF_BUILD=True</c>) refuses to create a missing file.
/// </summary>
public sealed record SnapshotOptions
{
    /// <summary>
    /// Also fail when a response's wording changed (its SHA-256 differs) although its verdict did not. Off by default,
    /// because sampling noise and harmless rewording would make the snapshot churn without any change in behaviour.
    /// </summary>
    public bool VerifyResponses { get; init; }

    /// <summary>
    /// Overrides the file name stem (default <c>&lt;TestClass&gt;.&lt;TestMethod&gt;</c>). Set it per row in a <c>[Theory]</c>
    /// and per shard: under the derived name, different records in one run and a shard's result are refused.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>Overrides the directory (default: the directory of the calling test's source file); a relative one lies under the test project's directory (<see cref="ProjectPaths"/>).</summary>
    public string? Directory { get; init; }

    /// <summary>Accept a mismatch by overwriting the verified file; null reads <c>ORBENCH_ACCEPT</c>.</summary>
    public bool? Accept { get; init; }

    /// <summary>Treat the run as CI (a missing verified file fails); null reads <c>CI</c> and <c>TF_BUILD</c>.</summary>
    public bool? IsCi { get; init; }

    internal bool ShouldAccept => Accept ?? SnapshotEnvironment.AcceptRequested;

    internal bool OnCi => IsCi ?? SnapshotEnvironment.IsCi;
}
