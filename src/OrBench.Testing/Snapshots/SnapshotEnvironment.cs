namespace OrBench.Testing.Snapshots;

/// <summary>The environment switches of snapshot verification.</summary>
internal static class SnapshotEnvironment
{
    /// <summary>Set to <c>1</c> or <c>true</c> to accept every mismatching snapshot of a run (see <see cref="AcceptRequested"/>).</summary>
    public const string AcceptVariable = "ORBENCH_ACCEPT";

    /// <summary>Set to <c>true</c> by most CI systems (GitHub Actions, GitLab, CircleCI, Travis…); a missing verified file then fails.</summary>
    public const string CiVariable = "CI";

    /// <summary>
    /// Set to <c>True</c> by Azure Pipelines, which does not set <c>CI</c>; without it a missing verified file would be
    /// created on the build agent and the test would pass with nothing committed.
    /// </summary>
    public const string AzurePipelinesVariable = "TF_BUILD";

    /// <summary>
    /// True when <c>ORBENCH_ACCEPT</c> is <c>1</c>, <c>true</c>, <c>yes</c> or <c>on</c>; false when it is unset, empty,
    /// <c>0</c>, <c>false</c>, <c>no</c> or <c>off</c>. Anything else is a <see cref="FormatException"/>: a typo must not
    /// quietly leave every snapshot unaccepted.
    /// </summary>
    public static bool AcceptRequested => AcceptRequestedIn(Environment.GetEnvironmentVariable);

    internal static bool AcceptRequestedIn(Func<string, string?> environment)
    {
        var value = environment(AcceptVariable)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (value is "1" || Is(value, "true") || Is(value, "yes") || Is(value, "on"))
        {
            return true;
        }

        if (value is "0" || Is(value, "false") || Is(value, "no") || Is(value, "off"))
        {
            return false;
        }

        throw new FormatException($"{AcceptVariable}: '{value}' is not understood; set it to 1 (or true) to accept the received snapshots, or unset it.");
    }

    /// <summary>True when <c>CI</c> or <c>TF_BUILD</c> is <c>1</c> or <c>true</c>.</summary>
    public static bool IsCi => IsCiIn(Environment.GetEnvironmentVariable);

    internal static bool IsCiIn(Func<string, string?> environment) =>
        IsOn(environment(CiVariable)) || IsOn(environment(AzurePipelinesVariable));

    private static bool Is(string value, string word) => value.Equals(word, StringComparison.OrdinalIgnoreCase);

    private static bool IsOn(string? value) =>
        value is not null && (value.Trim() == "1" || value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));
}
