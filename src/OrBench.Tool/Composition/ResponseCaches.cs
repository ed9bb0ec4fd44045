using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Options;
using OrBench.Testing.Middleware;
using OrBench.Tool.Cli;

namespace OrBench.Tool.Composition;

/// <summary>
/// Turns a <c>--cache</c> value into an <see cref="IDistributedCache"/>: <c>redis://host:port</c> selects Redis
/// (shared by CI shards and machines), anything else is a directory holding one file per response.
/// </summary>
internal static class ResponseCaches
{
    public const string RedisScheme = "redis://";

    /// <summary>Key prefix in Redis, so the cache can share a server with other applications.</summary>
    public const string RedisInstanceName = "orbench:";

    public static bool IsRedis(string spec) => spec.StartsWith(RedisScheme, StringComparison.OrdinalIgnoreCase);

    public static IDistributedCache Create(string spec, ToolConsole console)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        if (IsRedis(spec))
        {
            var configuration = spec[RedisScheme.Length..].TrimEnd('/');
            if (configuration.Length == 0)
            {
                throw new UsageException($"--cache '{spec}' names no Redis server; use redis://host:port");
            }

            return new RedisCache(Options.Create(new RedisCacheOptions
            {
                Configuration = configuration + ",abortConnect=false,connectTimeout=5000",
                InstanceName = RedisInstanceName,
            }));
        }

        return CreateDirectoryCache(console.FullPath(spec), spec);
    }

    private static FileDistributedCache CreateDirectoryCache(string directory, string spec)
    {
        if (File.Exists(directory))
        {
            throw new UsageException($"--cache '{spec}' is a file; give a directory (one file per response) or redis://host:port");
        }

        try
        {
            return new FileDistributedCache(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ToolFailureException($"--cache '{spec}' cannot be created: {e.Message}", e);
        }
    }
}
