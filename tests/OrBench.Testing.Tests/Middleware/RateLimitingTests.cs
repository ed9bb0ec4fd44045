using System.Threading.RateLimiting;
using FluentAssertions;
using Microsoft.Extensions.AI;
using OrBench.Testing.Middleware;
using OrBench.Testing.Running;
using OrBench.Testing.Tests.Running;
using OrBench.TestSupport.OpenAi;
using Xunit;

namespace OrBench.Testing.Tests.Middleware;

public sealed class RateLimitingTests
{
    [Fact]
    public async Task Requests_beyond_the_budget_wait_for_permits_and_never_reach_the_model()
    {
        await using var stub = await OpenAiStubServer.StartAsync();
        using var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 2,
            TokensPerPeriod = 2,
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(1),
            AutoReplenishment = false,
            QueueLimit = 100,
        });
        var client = RunTestKit.OpenAiClient(stub).AsBuilder().UseRateLimiting(limiter, tokenLimiter: null).Build();

        var run = new PromptRunner(client, new RunOptions { MaxConcurrency = 5 }).RunAsync(RunTestKit.Prompts(5));
        await WaitUntil(() => stub.Calls == 2 && limiter.GetStatistics()!.CurrentQueuedCount == 3);

        limiter.GetStatistics()!.CurrentQueuedCount.Should().Be(3, "two permits, so three requests stay in the limiter's queue and never reach the model");
        stub.Calls.Should().Be(2);
        run.IsCompleted.Should().BeFalse();
        // Refill by hand (the bucket holds two permits, so the three queued requests need more than one refill).
        await WaitUntil(() => limiter.TryReplenish() && limiter.GetStatistics()!.CurrentQueuedCount == 0);
        var result = await run;
        result.Outcomes.Should().HaveCount(5).And.OnlyContain(o => o.Kind == OutcomeKind.Answered);
        stub.Calls.Should().Be(5);
    }

    [Fact]
    public async Task Token_budget_is_charged_with_the_usage_the_provider_reports()
    {
        await using var stub = await OpenAiStubServer.StartAsync();
        using var tokens = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 100,
            TokensPerPeriod = 100,
            ReplenishmentPeriod = TimeSpan.FromHours(1),
            AutoReplenishment = false,
            QueueLimit = 100,
        });
        var client = RunTestKit.OpenAiClient(stub).AsBuilder().UseRateLimiting(requestLimiter: null, tokens).Build();

        await client.GetResponseAsync("one two three");

        // Usage: 3 prompt words + 9 answer words ("Sure. Here is an answer to: one two three") = 12 tokens.
        tokens.GetStatistics()!.CurrentAvailablePermits.Should().Be(88);
    }

    [Fact]
    public async Task Per_minute_limits_from_run_options_still_complete_the_run()
    {
        await using var stub = await OpenAiStubServer.StartAsync();

        var result = await new PromptRunner(RunTestKit.OpenAiClient(stub), new RunOptions { RequestsPerMinute = 6_000, TokensPerMinute = 1_000_000 })
            .RunAsync(RunTestKit.Prompts(10));

        result.Outcomes.Should().HaveCount(10).And.OnlyContain(o => o.Kind == OutcomeKind.Answered);
    }

    [Fact]
    public void Non_positive_limits_are_rejected()
    {
        var act = () => new FakeChatClient().AsBuilder().UseRateLimiting(requestsPerMinute: 0).Build();

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Requests per minute*");
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
