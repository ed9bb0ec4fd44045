namespace OrBench.Tool.Cli;

/// <summary>
/// The process exit codes of <c>orbench</c>. Scripts and CI branch on them, so they are part of the public contract
/// (documented in docs/cli.md) and never change meaning.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The command was understood but failed: unreachable endpoint, unreadable file, cache miss under replay-only, cancelled run.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong: unknown option, missing value, value out of range. Nothing was run.</summary>
    public const int BadArguments = 2;

    /// <summary>The run completed but a gate given on the command line (<c>--max-over-refusal</c>, <c>--max-toxic-acceptance</c>) failed.</summary>
    public const int GateFailed = 3;

    /// <summary>
    /// The run completed but a gate given on the command line could not be decided: request and classification errors in
    /// its scope exceed the error budget (<c>--error-budget</c>, 2 % of the prompts by default). A failed gate (3) wins over this.
    /// </summary>
    public const int GateUndecided = 4;
}
