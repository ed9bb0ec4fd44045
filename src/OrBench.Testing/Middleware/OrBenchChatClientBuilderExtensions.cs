using System.Threading.RateLimiting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;

namespace OrBench.Testing.Middleware;

/// <summary>
/// The Run stage's middleware, composed with <c>client.AsBuilder()</c>. The first call is the outermost layer,
/// so the usual order is cache, then retry, then rate limit:
/// <code>
/// var client = openAiClient.AsBuilder()
///     .UseResponseCache(new FileDistributedCache(".orbench/cache"))
///     .UseOrBenchRetry()
///     .UseRateLimiting(requestsPerMinute: 500)
///     .Build();
/// </code>
/// </summary>
public static class OrBenchChatClientBuilderExtensions
{
    /// <summary>The value added to every cache key, so the layout can change without serving stale entries.</summary>
    public const string CacheKeyVersion = "orbench-response-cache-v2";

    /// <summary>Retries transient faults with exponential backoff, jitter and <c>Retry-After</c> (see <see cref="RetryingChatClient"/>).</summary>
    public static ChatClientBuilder UseOrBenchRetry(this ChatClientBuilder builder, RetryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new RetryingChatClient(inner, options));
    }

    /// <summary>Keeps requests under per-minute quotas (see <see cref="RateLimitingChatClient"/>).</summary>
    public static ChatClientBuilder UseRateLimiting(this ChatClientBuilder builder, int? requestsPerMinute = null, int? tokensPerMinute = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new RateLimitingChatClient(inner, requestsPerMinute, tokensPerMinute));
    }

    /// <summary>Keeps requests under limits set by limiters the caller owns (see <see cref="RateLimitingChatClient"/>).</summary>
    public static ChatClientBuilder UseRateLimiting(this ChatClientBuilder builder, RateLimiter? requestLimiter, RateLimiter? tokenLimiter, int maxTokensPerAcquire = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new RateLimitingChatClient(inner, requestLimiter, tokenLimiter, maxTokensPerAcquire));
    }

    /// <summary>Turns "request was filtered" errors into content-filter responses (see <see cref="ContentFilterResponseChatClient"/>).</summary>
    public static ChatClientBuilder UseContentFilterAsResponse(this ChatClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new ContentFilterResponseChatClient(inner));
    }

    /// <summary>
    /// Records and replays responses through Microsoft.Extensions.AI's <see cref="DistributedCachingChatClient"/> (as
    /// <see cref="ResponseCachingChatClient"/>, which only computes the key faster) over any
    /// <see cref="IDistributedCache"/>: <see cref="FileDistributedCache"/> on one machine, Redis to share across CI
    /// shards. The key is a SHA-256 of the JSON of the messages, the chat options (temperature, token limit, model id …),
    /// the inner client's model id and <see cref="CacheKeyVersion"/>; it never contains credentials, and neither do the
    /// entries. The endpoint address is deliberately not part of the key, so responses recorded against one server can
    /// be replayed in CI with no server at all. Provider content-filter errors are recorded as blocked responses so
    /// replay covers them too.
    /// </summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="cache">Where entries live.</param>
    /// <param name="mode">Read-write (default), replay-only (a miss is a <see cref="ReplayMissException"/>), or off.</param>
    /// <param name="configure">Further settings of the caching client, such as extra key values.</param>
    public static ChatClientBuilder UseResponseCache(this ChatClientBuilder builder, IDistributedCache cache, ResponseCacheMode mode = ResponseCacheMode.ReadWrite, Action<DistributedCachingChatClient>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(cache);
        if (mode == ResponseCacheMode.Off)
        {
            return builder;
        }

        builder.Use(inner =>
        {
            var caching = new ResponseCachingChatClient(inner, cache);
            var modelId = caching.GetService<ChatClientMetadata>()?.DefaultModelId;
            caching.CacheKeyAdditionalValues = [CacheKeyVersion, modelId ?? string.Empty];
            configure?.Invoke(caching);
            return caching;
        });
        builder.UseContentFilterAsResponse();
        if (mode == ResponseCacheMode.ReplayOnly)
        {
            builder.Use(inner => new ReplayOnlyChatClient(inner));
        }

        return builder;
    }
}
