namespace OrBench.Testing.Generation;

/// <summary>The stages of the paper's generation pipeline, in order. Used in progress reports, summaries and provenance.</summary>
public enum GenerationStage
{
    /// <summary>Stage 1: toxic seed prompts per category from the generator model.</summary>
    Seeds,

    /// <summary>Stage 2: each seed rewritten into seemingly-toxic prompts, then lexically filtered and de-duplicated.</summary>
    Rewrites,

    /// <summary>Stage 3: an ensemble of moderators votes each rewrite benign or toxic.</summary>
    Moderation,

    /// <summary>Stage 4: the benign prompts that at least k of several evaluated models reject.</summary>
    HardSubset,
}
