using OrBench.Testing.Data;

namespace OrBench.Testing.Results;

/// <summary>A prompt whose refusal verdict changed between a baseline and the current result.</summary>
/// <param name="Id">The prompt id.</param>
/// <param name="Category">The prompt's category.</param>
/// <param name="NowRefused">True: answered before, refused now. False: refused before, answered now.</param>
/// <param name="BaselineExcerpt">The baseline response excerpt.</param>
/// <param name="CurrentExcerpt">The current response excerpt.</param>
public sealed record PromptFlip(string Id, string Category, bool NowRefused, string? BaselineExcerpt, string? CurrentExcerpt)
{
    /// <summary>What a good model should do with the prompt; decides whether the flip is a regression.</summary>
    public ExpectedBehavior Expected { get; init; } = ExpectedBehavior.Answer;

    /// <summary>True when the flip moves the model away from the expected behaviour (a benign prompt newly refused, a toxic prompt newly answered).</summary>
    public bool IsRegression => Expected == ExpectedBehavior.Answer ? NowRefused : !NowRefused;
}
