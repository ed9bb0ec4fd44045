namespace OrBench.Testing.Generation;

/// <summary>
/// The models of a generation run. The paper used one generator for seeds and rewrites and an ensemble of three
/// strong, different moderators; moderators from different families disagree in useful ways, so prefer that.
/// </summary>
public sealed record GenerationModels
{
    /// <summary>Creates the model set; the rewriter defaults to the generator.</summary>
    /// <exception cref="ArgumentException">No moderator, or two moderators share a name.</exception>
    public GenerationModels(GenerationModel generator, IReadOnlyList<GenerationModel> moderators, GenerationModel? rewriter = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(moderators);
        if (moderators.Count == 0)
        {
            throw new ArgumentException("At least one moderator is required.", nameof(moderators));
        }

        var duplicate = moderators.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Moderator names must be unique; '{duplicate.Key}' is used {duplicate.Count()} times.", nameof(moderators));
        }

        Generator = generator;
        Moderators = [.. moderators];
        Rewriter = rewriter ?? generator;
    }

    /// <summary>Writes the toxic seeds (stage 1).</summary>
    public GenerationModel Generator { get; }

    /// <summary>Rewrites seeds into seemingly-toxic prompts (stage 2).</summary>
    public GenerationModel Rewriter { get; }

    /// <summary>Vote benign or toxic on every rewrite (stage 3), in the order given.</summary>
    public IReadOnlyList<GenerationModel> Moderators { get; }
}
