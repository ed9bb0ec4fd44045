using System.Reflection;
using OrBench.Testing.Data;

using OrBench.Testing.Gates;

namespace OrBench.Testing.Xunit;

/// <summary>Shared selection and row shaping of the OR-Bench data attributes.</summary>
internal static class OrBenchDataRows
{
    /// <summary>Applies category → sample → shard (as the entry points do) and yields one row per prompt.</summary>
    public static IEnumerable<object[]> For(PromptSet prompts, MethodInfo testMethod, string? category, int sample, int seed, string? shard)
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

        // OrBenchCase rows are serialisable: one discovered test case per prompt. A plain OrBenchPrompt parameter still
        // works, but xUnit then runs all prompts inside a single discovered case.
        Func<OrBenchPrompt, object> shape = type == typeof(OrBenchPrompt)
            ? p => p
            : type.IsAssignableFrom(typeof(OrBenchCase))
                ? p => new OrBenchCase(p)
                : throw new InvalidOperationException($"{testMethod.DeclaringType?.Name}.{testMethod.Name}: parameter '{parameters[0].Name}' is {type.Name}; use {nameof(OrBenchCase)} (one test case per prompt) or {nameof(OrBenchPrompt)}.");

        return selected.Select(p => new[] { shape(p) }).ToArray();
    }
}
