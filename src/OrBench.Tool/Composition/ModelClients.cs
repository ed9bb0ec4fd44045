using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
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
    public static IChatClient Compose(IChatClient raw, IDistributedCache? cache, bool replayOnly, RetryOptions retry, string? modelVersion = null)
    {
        var builder = raw.AsBuilder();
        if (cache is not null)
        {
            builder.UseResponseCache(cache, new ResponseCacheOptions
            {
                Mode = replayOnly ? ResponseCacheMode.ReplayOnly : ResponseCacheMode.ReadWrite,
                ModelVersion = modelVersion,
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
