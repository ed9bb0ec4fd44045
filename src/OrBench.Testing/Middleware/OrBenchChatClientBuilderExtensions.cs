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
    public const string CacheKeyVersion = "orbench-response-cache-v3";

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
    /// the endpoint (scheme, host, port and path of the inner client's <see cref="ChatClientMetadata.ProviderUri"/>;
    /// never its query or user info), the inner client's model id, the optional
    /// <see cref="ResponseCacheOptions.ModelVersion"/> and <see cref="CacheKeyVersion"/>; it never contains credentials,
    /// and neither do the entries. So a switched endpoint or a new model version is measured again, never replayed;
    /// replaying in CI with no server needs the same <c>--endpoint</c> (it is never contacted on a hit). Provider
    /// content-filter errors are recorded as blocked responses so replay covers them too. How many answers came from
    /// the cache: <see cref="ResponseCachingChatClient.Statistics"/> (<c>client.GetService&lt;ResponseCachingChatClient&gt;()</c>).
    /// </summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="cache">Where entries live.</param>
    /// <param name="mode">Read-write (default), replay-only (a miss is a <see cref="ReplayMissException"/>), or off.</param>
    /// <param name="configure">Further settings of the caching client, such as extra key values.</param>
    public static ChatClientBuilder UseResponseCache(this ChatClientBuilder builder, IDistributedCache cache, ResponseCacheMode mode = ResponseCacheMode.ReadWrite, Action<DistributedCachingChatClient>? configure = null) =>
        builder.UseResponseCache(cache, new ResponseCacheOptions { Mode = mode }, configure);

    /// <summary>Records and replays responses as <see cref="UseResponseCache(ChatClientBuilder, IDistributedCache, ResponseCacheMode, Action{DistributedCachingChatClient}?)"/> does, with a model version and the other <paramref name="options"/>.</summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="cache">Where entries live.</param>
    /// <param name="options">Mode, model version, endpoint and clock.</param>
    /// <param name="configure">Further settings of the caching client, such as extra key values.</param>
    public static ChatClientBuilder UseResponseCache(this ChatClientBuilder builder, IDistributedCache cache, ResponseCacheOptions options, Action<DistributedCachingChatClient>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Mode == ResponseCacheMode.Off)
        {
            return builder;
        }

        builder.Use(inner =>
        {
            var caching = new ResponseCachingChatClient(inner, cache) { TimeProvider = options.TimeProvider ?? TimeProvider.System };
            var metadata = caching.GetService<ChatClientMetadata>();
            caching.CacheKeyAdditionalValues =
            [
                CacheKeyVersion,
                EndpointKey(options.Endpoint ?? metadata?.ProviderUri),
                metadata?.DefaultModelId ?? string.Empty,
                options.ModelVersion ?? string.Empty,
            ];
            configure?.Invoke(caching);
            return caching;
        });
        builder.UseContentFilterAsResponse();
        if (options.Mode == ResponseCacheMode.ReplayOnly)
        {
            builder.Use(inner => new ReplayOnlyChatClient(inner));
        }

        return builder;
    }

    /// <summary>Scheme, host, port and path (no trailing slash) of an endpoint; never its query, fragment or user info.</summary>
    internal static string EndpointKey(Uri? endpoint) =>
        endpoint is null || !endpoint.IsAbsoluteUri
            ? string.Empty
            : endpoint.GetComponents(UriComponents.Scheme | UriComponents.HostAndPort | UriComponents.Path | UriComponents.KeepDelimiter, UriFormat.UriEscaped).TrimEnd('/');
}
