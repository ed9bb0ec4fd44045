namespace OrBench.Testing.Generation.HardSubset;

/// <summary>
/// How stage 4 picks the hard subset. The paper keeps the prompts that many strong models still reject without
/// publishing the exact rule, so k is configurable; the default is a strict majority of the evaluated models.
/// </summary>
public sealed record HardSubsetOptions
{
    /// <summary>Models that must reject a prompt for it to be kept (k). Null: a strict majority, m / 2 + 1.</summary>
    public int? RequiredRejections { get; init; }

    internal int Effective(int models) => RequiredRejections ?? (models / 2) + 1;
}
