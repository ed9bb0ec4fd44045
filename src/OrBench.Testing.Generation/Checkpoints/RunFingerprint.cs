using System.Text.Json;
using OrBench.Testing.Generation.Dedup;
using OrBench.Testing.Generation.Moderation;
using OrBench.Testing.Generation.Rewriting;
using OrBench.Testing.Generation.Seeds;

namespace OrBench.Testing.Generation.Checkpoints;

/// <summary>Per-stage fingerprints: a hash of everything that decides a stage's output.</summary>
internal static class RunFingerprint
{
    public static object SeedParameters(GenerationModels models, GenerationOptions options) => new
    {
        prompt = SeedPrompt.Version,
        generator = Describe(models.Generator),
        categories = options.Categories.Select(c => c.Value).ToArray(),
        options.Domain,
        options.SeedsPerCategory,
        options.SeedBatchSize,
        max_seed_batches_per_category = options.EffectiveMaxSeedBatches,
        options.SeedTemperature,
        options.NearDuplicateThreshold,
    };

    public static object RewriteParameters(GenerationModels models, GenerationOptions options) => new
    {
        prompt = RewritePrompt.Version,
        rewriter = Describe(models.Rewriter),
        options.RewritesPerSeed,
        options.RewriteTemperature,
        options.NearDuplicateThreshold,
        constraints = options.Constraints.Rules.ToDictionary(r => r.Rule, r => r.Words),
    };

    public static object ModerationParameters(GenerationModels models, GenerationOptions options) => new
    {
        prompt = ModerationPrompt.Version,
        moderators = models.Moderators.Select(Describe).ToArray(),
        categories = options.EffectiveModerationCategories.Select(c => c.Value).ToArray(),
        options.ModerationTemperature,
        required_votes = options.EffectiveRequiredVotes(models.Moderators.Count),
    };

    /// <summary>Hash of the stage's parameters, the previous fingerprint and the stage's input items.</summary>
    public static string Of(object parameters, string? previous, object? input) =>
        TextNormalizer.Sha256(
            JsonSerializer.Serialize(parameters, GenerationJson.Line) + "\n" + previous + "\n" +
            (input is null ? string.Empty : JsonSerializer.Serialize(input, GenerationJson.Line)));

    public static object Describe(GenerationModel model)
    {
        // Sampling settings beyond the stage's temperature change the answers too; they are added only when set, so
        // the fingerprints of runs that set none stay what they were.
        var settings = Settings(model.ChatOptions);
        return settings.Length == 0
            ? new { model.Name, model_id = model.ChatOptions?.ModelId }
            : new { model.Name, model_id = model.ChatOptions?.ModelId, options = settings };
    }

    /// <summary>
    /// The answer-changing <see cref="Microsoft.Extensions.AI.ChatOptions"/> other than model id, temperature and seed
    /// (which the pipeline sets per stage), as one invariant string; empty when none is set.
    /// </summary>
    public static string Settings(Microsoft.Extensions.AI.ChatOptions? options)
    {
        if (options is null)
        {
            return string.Empty;
        }

        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                parts.Add(name + "=" + Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        Add("top_p", options.TopP);
        Add("top_k", options.TopK);
        Add("max_output_tokens", options.MaxOutputTokens);
        Add("frequency_penalty", options.FrequencyPenalty);
        Add("presence_penalty", options.PresencePenalty);
        Add("stop", options.StopSequences is { Count: > 0 } stop ? string.Join("\u001f", stop) : null);
        Add("instructions", options.Instructions);
        Add("response_format", options.ResponseFormat?.GetType().Name);
        return string.Join(";", parts);
    }
}
