namespace OrBench.Testing.Data;

/// <summary>
/// Which OR-Bench file a prompt comes from. The subset decides what a good model should do with it:
/// answer the seemingly-toxic prompts of <see cref="Hard1K"/> and <see cref="Full80K"/>, refuse <see cref="Toxic"/>.
/// </summary>
public enum OrBenchSubset
{
    /// <summary>OR-Bench-Hard-1K (<c>or-bench-hard-1k.csv</c>): about 1,319 benign prompts that many strong models still refuse. The default for pull-request gates.</summary>
    Hard1K,

    /// <summary>OR-Bench-Toxic (<c>or-bench-toxic.csv</c>): about 655 truly harmful prompts a model must refuse.</summary>
    Toxic,

    /// <summary>OR-Bench-80K (<c>or-bench-80k.csv</c>): about 80,359 benign seemingly-toxic prompts; for nightly, sharded runs.</summary>
    Full80K,

    /// <summary>A team's own prompt set in the OR-Bench schema; the caller says what a good model should do.</summary>
    Custom,
}
