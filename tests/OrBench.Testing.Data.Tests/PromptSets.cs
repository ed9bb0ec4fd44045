namespace OrBench.Testing.Data.Tests;

/// <summary>Builds prompt sets in code for sampling and sharding tests.</summary>
internal static class PromptSets
{
    public static PromptSet From(IEnumerable<(string Text, string Category)> rows, string prefix = "cus-") =>
        new("test", OrBenchSubset.Custom, rows.Select(r => new OrBenchPrompt(PromptIds.Derive(r.Text, prefix), r.Text, r.Category, OrBenchSubset.Custom, ExpectedBehavior.Answer)));

    /// <summary>Prompts "prompt number i" whose categories are the characters of <paramref name="categories"/>.</summary>
    public static PromptSet Numbered(string categories) =>
        From(categories.Select((c, i) => ($"prompt number {i}", c.ToString())));
}
