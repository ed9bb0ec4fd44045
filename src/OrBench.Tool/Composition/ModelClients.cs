using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using OrBench.Testing.Middleware;

namespace OrBench.Tool.Composition;

/// <summary>
/// The middleware stack of every model the tool talks to, composed with <c>AsBuilder()</c> from the Run stage's
/// extensions: response cache outermost (a hit costs nothing and never waits for a retry or a rate-limit slot), then
/// retry. Rate limits are applied by the runner's own request budget (<c>RunOptions.RequestsPerMinute</c>).
/// </summary>
internal static class ModelClients
{
    public static IChatClient Compose(IChatClient raw, IDistributedCache? cache, bool replayOnly, int retries, TimeSpan attemptTimeout, string? modelVersion = null)
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

        builder.UseOrBenchRetry(new RetryOptions { MaxAttempts = retries + 1, AttemptTimeout = attemptTimeout });
        return builder.Build();
    }
}
