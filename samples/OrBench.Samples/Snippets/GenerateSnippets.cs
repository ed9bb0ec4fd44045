using Microsoft.Extensions.AI;
using OrBench.Testing.Data;
using OrBench.Testing.Generation;
using OrBench.Testing.Generation.HardSubset;
using OrBench.Testing.Results;

namespace OrBench.Samples.Snippets;

/// <summary>The code quoted by docs/generate.md, compiled so the page cannot drift from the API.</summary>
public static class GenerateSnippets
{
    public static async Task<GenerationResult> GenerateAsync(IChatClient generatorClient, IChatClient gptClient, IChatClient llamaClient, IChatClient geminiClient, CancellationToken cancellationToken)
    {
        var models = new GenerationModels(
            generator: new GenerationModel("mixtral-8x7b", generatorClient),
            moderators:
            [
                new GenerationModel("gpt-4o", gptClient) { Price = new TokenPrice(2.50m, 10.00m) },
                new GenerationModel("llama-3-70b", llamaClient),
                new GenerationModel("gemini-1.5-pro", geminiClient),
            ]);                                   // rewriter: defaults to the generator

        var options = new GenerationOptions
        {
            OutputDirectory = "out/pharmacy",     // --out
            Categories = ["self-harm", "illegal", "privacy"],   // --categories
            Domain = "a pharmacy's customer chat",
            SeedsPerCategory = 200,               // --seeds-per-category (paper: about 2,000)
            RewritesPerSeed = 5,                  // --rewrites-per-seed
            Resume = false,                       // --resume
        };

        var progress = new Progress<GenerationProgress>(p => Console.Write($"\r{p.Stage} {p.Done}/{p.Total}"));
        GenerationResult result = await new GenerationPipeline(models, options).RunAsync(progress, cancellationToken);
        Console.WriteLine($"{result.Summary.Moderation.Benign} benign, {result.Summary.Moderation.Toxic} toxic, " +
                          $"{result.Summary.Calls} calls, {result.Summary.InputTokens}+{result.Summary.OutputTokens} tokens");
        return result;
    }

    public static async Task<HardSubsetSelection> SelectHardAsync(OrBenchResult resultA, OrBenchResult resultB, OrBenchResult resultC)
    {
        HardSubsetSelection hard = await HardSubsetSelector.SelectAndWriteAsync("out/pharmacy", [resultA, resultB, resultC]);
        return hard;
    }

    public static async Task<(PromptSet Benign, PromptSet Toxic)> LoadGeneratedAsync()
    {
        PromptSet benign = await OrBenchDataset.LoadCustomAsync(
            "out/pharmacy/over-refusal.csv", ExpectedBehavior.Answer,
            new CustomPromptSetOptions { IdPrefix = GenerationPipeline.IdPrefix });
        PromptSet toxic = await OrBenchDataset.LoadCustomAsync("out/pharmacy/toxic.csv", ExpectedBehavior.Refuse);
        return (benign, toxic);
    }
}
