using System.Reflection;
using OrBench.Testing.Data;
using Xunit;

namespace OrBench.Testing.XunitV3;

/// <summary>Shared selection and row shaping of the data attributes.</summary>
internal static class OrBenchDataRows
{
    /// <summary>The trait every row carries, so <c>--filter "category=privacy"</c> selects one category.</summary>
    public const string CategoryTrait = "category";

    /// <summary>Applies category → sample → shard (as the run does) and yields one row per prompt.</summary>
    public static IReadOnlyCollection<ITheoryDataRow> For(PromptSet prompts, MethodInfo testMethod, string? category, int sample, int seed, string? shard)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var selection = new OrBenchRunOptions
        {
            Categories = string.IsNullOrWhiteSpace(category) ? null : [.. category.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => new OrBenchCategory(c))],
            Sample = sample > 0 ? sample : null,
            Seed = seed,
            Shard = shard,
        };
        var (selected, _) = OrBenchChatClientExtensions.Select(prompts, selection);

        var parameters = testMethod.GetParameters();
        if (parameters.Length != 1)
        {
            throw new InvalidOperationException($"{testMethod.DeclaringType?.Name}.{testMethod.Name} must take exactly one parameter of type {nameof(OrBenchCase)} (or {nameof(OrBenchPrompt)}) to receive OR-Bench prompts.");
        }

        var type = parameters[0].ParameterType;
        if (type != typeof(OrBenchPrompt) && !type.IsAssignableFrom(typeof(OrBenchCase)))
        {
            throw new InvalidOperationException($"{testMethod.DeclaringType?.Name}.{testMethod.Name}: parameter '{parameters[0].Name}' is {type.Name}; use {nameof(OrBenchCase)} (one test case per prompt) or {nameof(OrBenchPrompt)}.");
        }

        // OrBenchCase rows serialise: one discovered test case per prompt. A plain OrBenchPrompt parameter still works,
        // but xunit then runs all prompts inside one discovered case.
        return [.. selected.Select(p => type == typeof(OrBenchPrompt)
            ? new TheoryDataRow<OrBenchPrompt>(p).WithTrait(CategoryTrait, p.Category.Value)
            : (ITheoryDataRow)new TheoryDataRow<OrBenchCase>(new OrBenchCase(p)).WithTrait(CategoryTrait, p.Category.Value))];
    }
}
