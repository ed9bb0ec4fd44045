using System.Threading.RateLimiting;
using FluentAssertions;
using Microsoft.Extensions.AI;
using OrBench.Testing.Middleware;
using OrBench.Testing.Running;
using OrBench.Testing.Tests.Running;
using OrBench.TestSupport.Chat;
using OrBench.TestSupport.OpenAi;
using Xunit;

namespace OrBench.Testing.Tests.Middleware;

public sealed class RateLimitingChatClientTests
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
    public async Task Without_reported_usage_the_answer_is_estimated_from_its_length()
    {
        using var tokens = ManualBucket(1_000);
        var inner = new StubChatClient((_, _, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, new string('x', 400)))));
        using var client = inner.AsBuilder().UseRateLimiting(requestLimiter: null, tokens).Build();

        await client.GetResponseAsync("one two three");

        // Prompt: 13 characters → 13/4 + 1 = 4 tokens; answer: 400 characters → 101 tokens. Before, only the 4 were charged.
        tokens.GetStatistics()!.CurrentAvailablePermits.Should().Be(1_000 - 4 - 101);
    }

    [Fact]
    public async Task Usage_beyond_the_bucket_never_holds_back_the_answer_and_is_owed_by_the_next_request()
    {
        using var tokens = ManualBucket(100);
        var inner = new StubChatClient((messages, _, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok"))
        {
            Usage = new UsageDetails { InputTokenCount = 4, OutputTokenCount = 496, TotalTokenCount = 500 },
        }));
        using var client = inner.AsBuilder().UseRateLimiting(requestLimiter: null, tokens, maxTokensPerAcquire: 100).Build();
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // only ends a hang; no time is asserted

        // 500 tokens used against a bucket of 100 that never refills by itself: the answer must still come back
        // (it used to wait in the limiter for tokens, under the request's timeout, and be lost when that fired).
        var first = await client.GetResponseAsync("one two three", cancellationToken: guard.Token);
        first.Text.Should().Be("ok");

        // 96 were left after the 4-token estimate; the 496 above the estimate cannot be taken at once, so the next
        // request owes them and waits (4 + 496 = 500 tokens, five refills of 100) before it reaches the model.
        var second = client.GetResponseAsync("one two three", cancellationToken: guard.Token);
        await WaitUntil(() => tokens.GetStatistics()!.CurrentQueuedCount > 0 || second.IsCompleted);
        second.IsCompleted.Should().BeFalse();
        tokens.GetStatistics()!.CurrentQueuedCount.Should().Be(100, "the second request waits for a chunk of 100 of the 500 tokens it owes");
        inner.Calls.Should().Be(1, "the second request waits for the first one's debt");
        await WaitUntil(() =>
        {
            tokens.TryReplenish();
            return second.IsCompleted;
        });
        (await second).Text.Should().Be("ok");
        inner.Calls.Should().Be(2);
    }

    [Fact]
    public async Task A_request_cancelled_while_paying_an_earlier_debt_leaves_that_debt_owed_but_not_its_own_estimate()
    {
        using var tokens = ManualBucket(100);
        await using var budget = new RequestBudget(requests: null, tokens, maxTokensPerAcquire: 100, ownsLimiters: false);
        var estimate = await budget.AcquireAsync([new ChatMessage(ChatRole.User, "one two three")], CancellationToken.None);
        budget.Settle(estimate, new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok")) { Usage = new UsageDetails { TotalTokenCount = 304 } });
        budget.Debt.Should().Be(300, "96 tokens were left and 300 were used beyond the 4-token estimate, in chunks of 100 that no longer fit");
        using var cts = new CancellationTokenSource();

        var next = budget.AcquireAsync([new ChatMessage(ChatRole.User, "one two three")], cts.Token).AsTask();
        await WaitUntil(() => tokens.GetStatistics()!.CurrentQueuedCount > 0);
        await cts.CancelAsync();

        await next.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        budget.Debt.Should().Be(300, "the earlier response's tokens are still owed; the cancelled request's own 4 are not");
    }

    private static TokenBucketRateLimiter ManualBucket(int size) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = size,
        TokensPerPeriod = size,
        ReplenishmentPeriod = TimeSpan.FromMilliseconds(1), // refilled only by TryReplenish: AutoReplenishment is off
        AutoReplenishment = false,
        QueueLimit = 100,
    });

    [Fact]
    public void Non_positive_limits_are_rejected()
    {
        var act = () => new StubChatClient().AsBuilder().UseRateLimiting(requestsPerMinute: 0).Build();

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
