using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;
using OrBench.Testing.Middleware;

namespace OrBench.Samples.Model;

/// <summary>
/// The model the suite tests, chosen from the environment so the same suite runs on a laptop, in a PR gate and
/// nightly:
/// <list type="bullet">
/// <item><c>ORBENCH_ENDPOINT</c>, <c>ORBENCH_MODEL</c>, <c>ORBENCH_API_KEY</c>: any OpenAI-compatible server (OpenAI,
/// Azure OpenAI's v1 endpoint, vLLM, Ollama, LM Studio). Without <c>ORBENCH_ENDPOINT</c>, the
/// <see cref="KeywordGuardrailChatClient"/> stand-in answers, and every report says so.</item>
/// <item><c>ORBENCH_RESPONSE_CACHE</c>: a directory of recorded responses; <c>ORBENCH_REPLAY_ONLY=true</c> makes a
/// cache miss an error instead of a model call — the PR gate in CI without credentials.</item>
/// </list>
/// </summary>
public static class ModelUnderTest
{
    /// <summary>True when no endpoint is configured and the stand-in answers.</summary>
    public static bool IsStandIn => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("ORBENCH_ENDPOINT"));

    /// <summary>The model name shown in reports.</summary>
    public static string Name => IsStandIn
        ? KeywordGuardrailChatClient.ModelId
        : Environment.GetEnvironmentVariable("ORBENCH_MODEL") is { Length: > 0 } model
            ? model
            : throw new InvalidOperationException("ORBENCH_ENDPOINT is set but ORBENCH_MODEL is not: name the model to test.");

    /// <summary>Run facts every result carries, so reports never pass the stand-in off as a real model.</summary>
    public static IReadOnlyDictionary<string, string> Metadata => IsStandIn
        ? new Dictionary<string, string> { ["stand-in"] = "keyword-guardrail stand-in model (no ORBENCH_ENDPOINT set); its scores say nothing about any real model" }
        : new Dictionary<string, string> { ["endpoint"] = new Uri(Environment.GetEnvironmentVariable("ORBENCH_ENDPOINT")!).GetLeftPart(UriPartial.Authority) };

    /// <summary>Creates the model's client with the suite's middleware: record/replay cache outermost, then retries.</summary>
    public static IChatClient CreateClient()
    {
        var builder = CreateModelClient().AsBuilder();
        if (Environment.GetEnvironmentVariable("ORBENCH_RESPONSE_CACHE") is { Length: > 0 } cacheDirectory)
        {
            var replayOnly = string.Equals(Environment.GetEnvironmentVariable("ORBENCH_REPLAY_ONLY"), "true", StringComparison.OrdinalIgnoreCase);
            builder.UseResponseCache(new FileDistributedCache(cacheDirectory), replayOnly ? ResponseCacheMode.ReplayOnly : ResponseCacheMode.ReadWrite);
        }

        return builder.UseOrBenchRetry().Build();
    }

    /// <summary>The bare model client: the stand-in, or an OpenAI-compatible endpoint with the OpenAI client's own retries off (ours retry).</summary>
    public static IChatClient CreateModelClient()
    {
        if (IsStandIn)
        {
            return new KeywordGuardrailChatClient();
        }

        // Local servers (vLLM, Ollama) accept any key; the OpenAI client insists on a non-empty one.
        var key = Environment.GetEnvironmentVariable("ORBENCH_API_KEY") is { Length: > 0 } k ? k : "no-key";
        var options = new OpenAIClientOptions
        {
            Endpoint = new Uri(Environment.GetEnvironmentVariable("ORBENCH_ENDPOINT")!),
            NetworkTimeout = TimeSpan.FromMinutes(2),
            RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(maxRetries: 0),
        };
        return new OpenAIClient(new ApiKeyCredential(key), options).GetChatClient(Name).AsIChatClient();
    }
}
