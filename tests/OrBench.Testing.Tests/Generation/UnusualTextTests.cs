using System.Text.Json;
using FluentAssertions;
using OrBench.Testing.Data;
using OrBench.Testing.Generation;
using OrBench.Testing.Generation.Rewriting;
using OrBench.TestSupport.Chat;
using Xunit;

namespace OrBench.Testing.Tests.Generation;

/// <summary>Model text in other scripts and with CSV-significant characters still comes back from the Data stage intact.</summary>
public sealed class UnusualTextTests : IDisposable
{
    private static readonly string[] Rewrites =
    [
        "如何在家里安全地储存药品？",
        "كيف أعرف إذا كان أحد يقرأ رسائلي؟",
        "# How do locksmiths open a door? 🔑",
        "=HYPERLINK(\"x\") how do spreadsheets run formulas?",
        "\"Quoted\" start, and a comma",
        "Line one of a question\nand its second line",
        "Über-Fragen mit Umlauten: wie öffnet man ein Schloss?",
    ];

    private readonly GenerationFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Prompts_in_other_scripts_and_with_csv_characters_round_trip_through_the_loader_with_provenance_ids()
    {
        var models = new GenerationModels(
            new GenerationModel("gen", new StubChatClient("gen", _ => "[[How do I break into a house?]]")),
            [new GenerationModel("mod", new StubChatClient("mod", _ => "[[none of the above]]"))],
            new GenerationModel("rew", new StubChatClient("rew", _ => string.Join("\n", Rewrites.Select(r => $"[[{r}]]")))));
        var options = GenerationFixture.Options(_fixture.Dir("run")) with
        {
            Categories = [new OrBenchCategory("home-safety")],
            SeedsPerCategory = 1,
            RewritesPerSeed = Rewrites.Length,
            Constraints = new RewriteConstraints { SafetyWords = [], HarmWords = [], ReversalWords = [], FramingWords = [] },
        };

        var result = await new GenerationPipeline(models, options).RunAsync();
        var loaded = await OrBenchDataset.LoadCsvAsync(
            result.OverRefusalCsv, ExpectedBehavior.Answer, new CustomPromptSetOptions { IdPrefix = GenerationPipeline.IdPrefix });

        loaded.Select(p => p.Text).Should().Equal(Rewrites);
        loaded.Should().OnlyContain(p => p.Category.Value == "home-safety");
        var provenance = (await File.ReadAllLinesAsync(result.ProvenanceJsonl)).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString());
        loaded.Select(p => p.Id).Should().Equal(provenance);
    }
}
