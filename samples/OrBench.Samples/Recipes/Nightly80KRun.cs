using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using OrBench.Testing;
using OrBench.Testing.Data;
using OrBench.Testing.Middleware;
using OrBench.Testing.Xunit;
using Xunit.Abstractions;

namespace OrBench.Samples.Recipes;

/// <summary>
/// Recipe: the nightly 80K run, spread over a CI matrix. Each job sets <c>ORBENCH_SHARD=k/n</c> (the fixture reads it
/// when <see cref="OrBenchRunOptions.Shard"/> is null), records responses in a Redis cache all jobs share, and
/// uploads its results.json; <c>orbench report shard-*/results.json</c> merges them into one report.
/// Not used by the PR suite: reference it from a nightly test class.
/// </summary>
public sealed class Nightly80KRun(IMessageSink sink) : OrBenchFixture(sink)
{
    protected override OrBenchSubset Subset => OrBenchSubset.Full80K;

    protected override IChatClient CreateClient() =>
        OrBenchModel.FromEnvironment().CreateModelClient().AsBuilder()
            .UseResponseCache(new RedisCache(new RedisCacheOptions { Configuration = Environment.GetEnvironmentVariable("ORBENCH_REDIS") }))
            .UseOrBenchRetry()
            .UseRateLimiting(requestsPerMinute: 600)
            .Build();
}
