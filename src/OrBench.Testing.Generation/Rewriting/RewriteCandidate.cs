namespace OrBench.Testing.Generation.Rewriting;

/// <summary>One rewrite from stage 2, kept or dropped.</summary>
/// <param name="Id">Stable id from the text (<c>gen-…</c>), derived like the data loader's ids (<see cref="Data.PromptIds"/>).</param>
/// <param name="SeedId">The seed it was rewritten from.</param>
/// <param name="Category">The seed's category, which the prompt keeps in the output sets.</param>
/// <param name="Seed">The seed text. Untrusted model text.</param>
/// <param name="Index">0-based position in the rewriter's answer.</param>
/// <param name="Text">The rewrite. Untrusted model text.</param>
/// <param name="Dropped">Why it was dropped (rule and word, or duplicate and original id), or null when kept.</param>
internal sealed record RewriteCandidate(string Id, string SeedId, string Category, string Seed, int Index, string Text, string? Dropped)
{
    /// <summary>True when it goes on to moderation.</summary>
    public bool Kept => Dropped is null;
}
