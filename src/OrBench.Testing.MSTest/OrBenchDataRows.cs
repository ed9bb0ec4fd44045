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
        var type = parameters.Length == 1 ? parameters[0].ParameterType : null;
        if (type != typeof(OrBenchCase) && type != typeof(OrBenchPrompt))
        {
            throw new InvalidOperationException($"{testMethod.DeclaringType?.Name}.{testMethod.Name} must take exactly one parameter of type {nameof(OrBenchCase)} (one test case per prompt) or {nameof(OrBenchPrompt)} (one test case, a result per prompt) to receive OR-Bench prompts.");
        }

        var selection = new OrBenchRunOptions
        {
            Categories = string.IsNullOrWhiteSpace(category) ? null : [.. category.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => new OrBenchCategory(c))],
            Sample = sample > 0 ? sample : null,
            Seed = seed,
            Shard = shard,
        };
        var (selected, _) = OrBenchChatClientExtensions.Select(prompts, selection);
        // OrBenchCase survives MSTest's data-contract serialisation, so the rows unfold into one test case each; a plain
        // OrBenchPrompt parameter still works, as one test case with a result per prompt.
        return [.. selected.Select(p => type == typeof(OrBenchCase) ? new object?[] { new OrBenchCase(p) } : new object?[] { p })];
    }

    /// <summary><c>Method (id [category])</c>, so each prompt reads as its own case in the results.</summary>
    public static string? DisplayName(MethodInfo methodInfo, object?[]? data) =>
        data switch
        {
            [OrBenchCase prompt] => $"{methodInfo.Name} ({prompt})",
            [OrBenchPrompt prompt] => $"{methodInfo.Name} ({prompt.Id} [{prompt.Category}])",
            _ => null,
        };
}
