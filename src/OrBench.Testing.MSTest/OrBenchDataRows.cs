using System.Reflection;
using OrBench.Testing.Data;

namespace OrBench.Testing.MSTest;

/// <summary>Shared selection, row shaping and display names of the data attributes.</summary>
internal static class OrBenchDataRows
{
    /// <summary>Applies category → sample → shard (as the run does) and yields one row per prompt.</summary>
    public static IEnumerable<object?[]> For(PromptSet prompts, MethodInfo testMethod, string? category, int sample, int seed, string? shard)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var parameters = testMethod.GetParameters();
        if (parameters.Length != 1 || parameters[0].ParameterType != typeof(OrBenchPrompt))
        {
            throw new InvalidOperationException($"{testMethod.DeclaringType?.Name}.{testMethod.Name} must take exactly one parameter of type {nameof(OrBenchPrompt)} to receive OR-Bench prompts.");
        }

        var selection = new OrBenchRunOptions
        {
            Categories = string.IsNullOrWhiteSpace(category) ? null : [.. category.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => new OrBenchCategory(c))],
            Sample = sample > 0 ? sample : null,
            Seed = seed,
            Shard = shard,
        };
        var (selected, _) = OrBenchChatClientExtensions.Select(prompts, selection);
        return [.. selected.Select(p => new object?[] { p })];
    }

    /// <summary><c>Method (id [category])</c>, so each prompt reads as its own case in the results.</summary>
    public static string? DisplayName(MethodInfo methodInfo, object?[]? data) =>
        data is [OrBenchPrompt prompt] ? $"{methodInfo.Name} ({prompt.Id} [{prompt.Category}])" : null;
}
