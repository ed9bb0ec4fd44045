using Xunit;

namespace OrBench.Tool.Tests.Infrastructure;

/// <summary>A fact that needs a Redis server: runs when <c>ORBENCH_REDIS</c> (host:port) is set, is skipped cleanly otherwise.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public const string Variable = "ORBENCH_REDIS";

    public RedisFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"{Variable} is not set (host:port of a Redis server; .ci/run starts one)";
        }
    }

    public static string Server => Environment.GetEnvironmentVariable(Variable)!;
}
