namespace OrBench.Testing.Snapshots;

/// <summary>The environment switches of snapshot verification.</summary>
public static class SnapshotEnvironment
{
    /// <summary>Set to <c>1</c> or <c>true</c> to accept every mismatching snapshot of a run.</summary>
    public const string AcceptVariable = "ORBENCH_ACCEPT";

    /// <summary>Set to <c>true</c> by most CI systems (GitHub Actions, GitLab, CircleCI, Travis…); a missing verified file then fails.</summary>
    public const string CiVariable = "CI";

    /// <summary>
    /// Set to <c>True</c> by Azure Pipelines, which does not set <c>CI</c>; without it a missing verified file would be
    /// created on the build agent and the test would pass with nothing committed.
    /// </summary>
    public const string AzurePipelinesVariable = "TF_BUILD";

    /// <summary>True when <c>ORBENCH_ACCEPT</c> is <c>1</c> or <c>true</c>.</summary>
    public static bool AcceptRequested => IsOn(Environment.GetEnvironmentVariable(AcceptVariable));

    /// <summary>True when <c>CI</c> or <c>TF_BUILD</c> is <c>1</c> or <c>true</c>.</summary>
    public static bool IsCi => IsCiIn(Environment.GetEnvironmentVariable);

    internal static bool IsCiIn(Func<string, string?> environment) =>
        IsOn(environment(CiVariable)) || IsOn(environment(AzurePipelinesVariable));

    private static bool IsOn(string? value) =>
        value is not null && (value.Trim() == "1" || value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));
}
