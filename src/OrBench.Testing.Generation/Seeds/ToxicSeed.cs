namespace OrBench.Testing.Generation.Seeds;

/// <summary>A toxic seed prompt from stage 1: a request a model should refuse, which stage 2 rewrites.</summary>
/// <param name="Id">Stable id from category and text (<c>seed-…</c>).</param>
/// <param name="Category">The category it was generated for.</param>
/// <param name="Text">The seed prompt. Untrusted model text.</param>
/// <param name="Batch">The 1-based generator batch it came from.</param>
internal sealed record ToxicSeed(string Id, string Category, string Text, int Batch);
