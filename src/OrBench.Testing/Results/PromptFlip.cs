namespace OrBench.Testing.Results;

/// <summary>A prompt whose refusal verdict changed between a baseline and the current result.</summary>
/// <param name="Id">The prompt id.</param>
/// <param name="Category">The prompt's category.</param>
/// <param name="NowRefused">True: answered before, refused now. False: refused before, answered now.</param>
/// <param name="BaselineExcerpt">The baseline response excerpt.</param>
/// <param name="CurrentExcerpt">The current response excerpt.</param>
public sealed record PromptFlip(string Id, string Category, bool NowRefused, string? BaselineExcerpt, string? CurrentExcerpt);
