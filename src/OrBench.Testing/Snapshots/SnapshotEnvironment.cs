namespace OrBench.Testing.Snapshots;

/// <summary>The environment switches of snapshot verification.</summary>
public static class SnapshotEnvironment
{
    /// <summary>Set to <c>1</c> or <c>true</c> to accept every mismatching snapshot of a run.</summary>
    public const string AcceptVariable = "ORBENCH_ACCEPT";

    /// <summary>Set to <c>true</c> by CI systems (GitHub Actions, Azure Pipelines, GitLab…); a missing verified file then fails.</summary>
    public const string CiVariable = "CI";

    /// <summary>True when <c>ORBENCH_ACCEPT</c> is <c>1</c> or <c>true</c>.</summary>
    public static bool AcceptRequested => IsOn(Environment.GetEnvironmentVariable(AcceptVariable));

    /// <summary>True when <c>CI</c> is <c>1</c> or <c>true</c>.</summary>
    public static bool IsCi => IsOn(Environment.GetEnvironmentVariable(CiVariable));

    private static bool IsOn(string? value) =>
        value is not null && (value.Trim() == "1" || value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));
}
