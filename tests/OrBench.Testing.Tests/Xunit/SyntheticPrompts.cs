using System.Text.Json;
using OrBench.Testing.Data;

namespace OrBench.Testing.Tests.Xunit;

/// <summary>The generated 1,319-prompt file (Xunit/Data/generate.py), read with a few lines of JSON so the tests do not depend on the Data stage's loader.</summary>
public static class SyntheticPrompts
{
    public const int Count = 1319;

    private static readonly Lazy<PromptSet> Set = new(Load);

    public static PromptSet Hard1KShaped => Set.Value;

    private static PromptSet Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Xunit", "Data", "synthetic-1319.jsonl");
        var prompts = File.ReadLines(path).Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            return new OrBenchPrompt(r.GetProperty("id").GetString()!, r.GetProperty("prompt").GetString()!, r.GetProperty("category").GetString()!, OrBenchSubset.Custom, ExpectedBehavior.Answer);
        });
        return new PromptSet("synthetic-1319", OrBenchSubset.Custom, prompts);
    }
}
