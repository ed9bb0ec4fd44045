using OrBench.Testing.Data;

namespace OrBench.Testing.Generation.HardSubset;

/// <summary>One benign prompt with the evaluated models' behaviour on it.</summary>
/// <param name="Prompt">The prompt.</param>
/// <param name="RejectedBy">Models that rejected it (a strict majority of their decided records for it are refusals).</param>
/// <param name="AnsweredBy">Models that answered it.</param>
/// <param name="NoVerdict">Models with no decided record for it (missing, error or unparsed): counted for neither side.</param>
/// <param name="Kept">True when at least k models rejected it.</param>
public sealed record HardPrompt(
    OrBenchPrompt Prompt,
    IReadOnlyList<string> RejectedBy,
    IReadOnlyList<string> AnsweredBy,
    IReadOnlyList<string> NoVerdict,
    bool Kept);
