using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;
using OrBench.Testing;
using OrBench.Testing.Classification;
using OrBench.Testing.Classification.Cascading;
using OrBench.Testing.Data;
using OrBench.Testing.Middleware;
using OrBench.Testing.Results;

namespace OrBench.Samples.Recipes;

/// <summary>Recipe: a stronger model as judge, asked only where the offline classifier is unsure.</summary>
public static class JudgeRecipes
{
    public static async Task<OrBenchResult> RunWithCascadeAsync(IChatClient model, string judgeEndpoint, string judgeApiKey)
    {
        // The judge goes through the same record/replay cache as the model, so re-scoring a run costs nothing.
        using var judge = new OpenAIClient(new ApiKeyCredential(judgeApiKey), new OpenAIClientOptions { Endpoint = new Uri(judgeEndpoint) })
            .GetChatClient("gpt-4o").AsIChatClient()
            .AsBuilder()
            .UseResponseCache(new FileDistributedCache(".orbench/judge-cache"))
            .UseOrBenchRetry()
            .Build();

        var cascade = RefusalClassifiers.Cascade(judge, new CascadeOptions { Threshold = 0.9 });
        var result = await model.RunOrBenchAsync(OrBenchSubset.Hard1K, new() { Classifier = cascade });
        Console.WriteLine($"judge calls: {cascade.Statistics.JudgeCalls} of {cascade.Statistics.Classified}");
        return result;
    }
}
