using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using OpenAI;
using OrBench.Testing.Data;
using OrBench.Testing.Middleware;
using OrBench.Testing.Running;

namespace OrBench.Samples.Snippets;

/// <summary>The code quoted by docs/running.md, compiled so the page cannot drift from the API.</summary>
public static class RunningSnippets
{
    public static async Task<RunResult> ComposeMiddlewareAsync(OpenAI.Chat.ChatClient openAiChatClient, PromptSet prompts, IProgress<RunProgress> progress, CancellationToken cancellationToken)
    {
        IChatClient client = openAiChatClient.AsIChatClient()          // any IChatClient
            .AsBuilder()
            .UseResponseCache(new FileDistributedCache(".orbench/cache")) // record / replay (outermost)
            .UseOrBenchRetry()                                          // retries under the cache: hits are never retried
            .UseRateLimiting(requestsPerMinute: 500, tokensPerMinute: 200_000)
            .Build();

        var runner = new PromptRunner(client, new RunOptions { MaxConcurrency = 8 });
        RunResult result = await runner.RunAsync(prompts, progress, cancellationToken);
        return result;
    }

    public static IChatClient WithoutTheOpenAiClientsRetries()
    {
        var openAi = new OpenAI.Chat.ChatClient(
            model: "gpt-4o-mini",
            credential: new ApiKeyCredential(Environment.GetEnvironmentVariable("OPENAI_API_KEY")!),
            options: new OpenAIClientOptions
            {
                Endpoint = new Uri("https://my-endpoint/v1"),
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),   // our middleware retries instead
                NetworkTimeout = TimeSpan.FromMinutes(5),             // let RetryOptions.AttemptTimeout decide
            });
        IChatClient client = openAi.AsIChatClient().AsBuilder().UseOrBenchRetry().Build();
        return client;
    }

    public static IChatClient OverRedis(OpenAI.Chat.ChatClient openAi)
    {
        IDistributedCache cache = new RedisCache(new RedisCacheOptions
        {
            Configuration = Environment.GetEnvironmentVariable("ORBENCH_REDIS")!, // e.g. "redis:6379"
            InstanceName = "orbench:",
        });
        IChatClient client = openAi.AsIChatClient().AsBuilder()
            .UseResponseCache(cache, ResponseCacheMode.ReadWrite)
            .UseOrBenchRetry()
            .Build();
        return client;
    }

    public static async Task<IReadOnlyList<string>> ScoreExistingResponsesAsync(PromptSet hard1k)
    {
        ImportedResponses imported = await ExistingResponses.ReadFileAsync("gpt4_responses.csv", hard1k);
        RunResult result = imported.Result;              // matched prompts only, in set order
        foreach (var row in imported.Unmatched)          // rows with no such prompt, or a second response for one
            Console.WriteLine($"line {row.Line}: {row.Reason}");
        var unanswered = imported.MissingPromptIds;      // prompts of the set no row answered
        return result.Outcomes.Count == 0 ? unanswered : [];
    }
}
