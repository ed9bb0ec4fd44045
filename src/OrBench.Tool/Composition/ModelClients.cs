using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using OrBench.Testing;
using OrBench.Testing.Middleware;

namespace OrBench.Tool.Composition;

/// <summary>
/// The middleware stack of every model the tool talks to, composed with <c>AsBuilder()</c> from the Run stage's
/// extensions: response cache outermost (a hit costs nothing and never waits for a retry or a rate-limit slot), then
/// retry, then the circuit breaker (it counts attempts, and once open its error stops the retries), then the secret
/// scrubber right over the endpoint (so neither the cache nor anything above sees an echoed key). Rate limits are
/// applied by the runner's own request budget (<c>RunOptions.RequestsPerMinute</c>).
/// </summary>
internal static class ModelClients
{
    /// <summary>
    /// The raw client of an OpenAI-compatible endpoint, built by the library's <see cref="OrBenchModel"/> (the same client a
    /// test gets from <c>OrBenchModel.FromEnvironment()</c>: no client-side retries, the Azure key header, a response size
    /// cap and completion checks). The key is registered with <see cref="Secrets.Register"/> so no echo of it is ever
    /// written or printed. The network timeout is a little longer than <paramref name="requestTimeout"/>, so the retry
    /// middleware's attempt timeout fires first and is retried.
    /// </summary>
    public static IChatClient Endpoint(Uri endpoint, string model, string? apiKey, TimeSpan requestTimeout, long maxResponseBytes = ResponseGuardHandler.DefaultMaxResponseBytes)
    {
        Secrets.Register(apiKey);
        var settings = OrBenchModel.FromEnvironment(name => name switch
        {
            OrBenchModel.EndpointVariable => endpoint.ToString(),
            OrBenchModel.ModelVariable => model,
            OrBenchModel.ApiKeyVariable => apiKey,
            _ => null,
        });
        return settings.CreateModelClient(requestTimeout + TimeSpan.FromSeconds(5), maxResponseBytes);
    }

    public static IChatClient Compose(IChatClient raw, IDistributedCache? cache, bool replayOnly, RetryOptions retry, string? modelVersion = null, bool anyEndpoint = false)
    {
        var builder = raw.AsBuilder();
        if (cache is not null)
        {
            builder.UseResponseCache(cache, new ResponseCacheOptions
            {
                Mode = replayOnly ? ResponseCacheMode.ReplayOnly : ResponseCacheMode.ReadWrite,
                ModelVersion = modelVersion,
                AnyEndpoint = anyEndpoint,
            });
        }

        builder.UseOrBenchRetry(retry);
        builder.Use(inner => new CircuitBreakingChatClient(inner));
        builder.Use(inner => new SecretScrubbingChatClient(inner));
        return builder.Build();
    }

    /// <summary>The retry settings of a command: <paramref name="retries"/> retries, each attempt bounded by <paramref name="attemptTimeout"/>, a server's wait honoured up to <paramref name="maxRetryAfter"/>.</summary>
    public static RetryOptions Retry(int retries, TimeSpan attemptTimeout, TimeSpan maxRetryAfter, Action<RetryWait>? onRetry = null) => new()
    {
        MaxAttempts = retries + 1,
        AttemptTimeout = attemptTimeout,
        MaxRetryAfter = maxRetryAfter,
        OnRetry = onRetry,
    };
}
