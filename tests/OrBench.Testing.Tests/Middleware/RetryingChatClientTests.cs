using FluentAssertions;
using Microsoft.Extensions.AI;
using OrBench.Testing.Middleware;
using OrBench.Testing.Running;
using OrBench.Testing.Tests.Running;
using OrBench.TestSupport.Chat;
using OrBench.TestSupport.OpenAi;
using Xunit;

namespace OrBench.Testing.Tests.Middleware;

public sealed class RetryingChatClientTests
{
    private static IChatClient Retrying(OpenAiStubServer stub, InstantTimeProvider clock, int attempts = 4, TimeSpan? attemptTimeout = null) =>
        RunTestKit.OpenAiClient(stub).AsBuilder()
            .UseOrBenchRetry(new RetryOptions
            {
                MaxAttempts = attempts,
                BaseDelay = TimeSpan.FromMilliseconds(100),
                TimeProvider = clock,
                AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(30),
                Randomizer = () => 0.5,
            })
            .Build();

    [Theory]
    [InlineData(StubFault.RateLimited)]
    [InlineData(StubFault.ServerError)]
    [InlineData(StubFault.DropConnection)]
    public async Task Transient_faults_are_retried_until_an_answer(StubFault fault)
    {
        await using var stub = await OpenAiStubServer.StartAsync(new OpenAiStubOptions { Faults = StubFaults.FirstAttempts(2, fault) });
        var clock = new InstantTimeProvider();

        var result = await new PromptRunner(Retrying(stub, clock)).RunAsync(RunTestKit.Prompts("q"));

        result.Outcomes.Single().Kind.Should().Be(OutcomeKind.Answered);
        stub.CallsFor("q").Should().Be(3);
        clock.Delays.Should().HaveCount(2, "one backoff wait before each retry");
    }

    [Fact]
    public async Task A_hang_past_the_attempt_timeout_is_retried()
    {
        await using var stub = await OpenAiStubServer.StartAsync(new OpenAiStubOptions
        {
            Faults = StubFaults.FirstAttempts(1, StubFault.Hang),
            HangDuration = TimeSpan.FromSeconds(20),
        });

        var result = await new PromptRunner(Retrying(stub, new InstantTimeProvider(), attemptTimeout: TimeSpan.FromSeconds(2)))
            .RunAsync(RunTestKit.Prompts("q"));

        result.Outcomes.Single().Kind.Should().Be(OutcomeKind.Answered);
        stub.CallsFor("q").Should().Be(2);
    }

    [Fact]
    public async Task Retry_after_from_the_response_headers_is_honoured()
    {
        await using var stub = await OpenAiStubServer.StartAsync(new OpenAiStubOptions
        {
            Faults = StubFaults.FirstAttempts(1, StubFault.RateLimited),
            RetryAfter = TimeSpan.FromSeconds(7),
            SendRetryAfterMs = false,
        });
        var clock = new InstantTimeProvider();

        var result = await new PromptRunner(Retrying(stub, clock)).RunAsync(RunTestKit.Prompts("q"));

        result.Outcomes.Single().Kind.Should().Be(OutcomeKind.Answered);
        clock.Delays.Should().ContainSingle().Which.Should().Be(TimeSpan.FromSeconds(7), "the 100 ms backoff gives way to the provider's Retry-After");
    }

    [Fact]
    public async Task Retry_after_ms_wins_over_whole_second_retry_after()
    {
        await using var stub = await OpenAiStubServer.StartAsync(new OpenAiStubOptions
        {
            Faults = StubFaults.FirstAttempts(1, StubFault.RateLimited),
            RetryAfter = TimeSpan.FromMilliseconds(250),
        });
        var clock = new InstantTimeProvider();

        await new PromptRunner(Retrying(stub, clock)).RunAsync(RunTestKit.Prompts("q"));

        clock.Delays.Should().ContainSingle().Which.Should().Be(TimeSpan.FromMilliseconds(250), "retry-after-ms is more precise than Retry-After: 1");
    }

    [Fact]
    public async Task Backoff_grows_exponentially_when_no_retry_after_is_sent()
    {
        await using var stub = await OpenAiStubServer.StartAsync(new OpenAiStubOptions { Faults = StubFaults.FirstAttempts(3, StubFault.ServerError) });
        var clock = new InstantTimeProvider();

        await new PromptRunner(Retrying(stub, clock)).RunAsync(RunTestKit.Prompts("q"));

        var delays = clock.Delays;
        delays.Should().HaveCount(3);
        delays[1].Should().BeGreaterThan(delays[0]);
        delays[2].Should().BeGreaterThan(delays[1]);
    }

    [Fact]
    public async Task Exhausted_retries_end_as_an_error_after_exactly_max_attempts()
    {
        await using var stub = await OpenAiStubServer.StartAsync(new OpenAiStubOptions { Faults = StubFaults.FirstAttempts(100, StubFault.ServerError) });

        var result = await new PromptRunner(Retrying(stub, new InstantTimeProvider(), attempts: 3)).RunAsync(RunTestKit.Prompts("q"));

        result.Outcomes.Single().Kind.Should().Be(OutcomeKind.Error);
        stub.CallsFor("q").Should().Be(3);
    }

    [Fact]
    public async Task Content_filters_are_not_retried()
    {
        await using var stub = await OpenAiStubServer.StartAsync(new OpenAiStubOptions { Faults = StubFaults.FirstAttempts(100, StubFault.ContentFilterError) });

        var result = await new PromptRunner(Retrying(stub, new InstantTimeProvider())).RunAsync(RunTestKit.Prompts("q"));

        result.Outcomes.Single().Kind.Should().Be(OutcomeKind.Blocked);
        stub.CallsFor("q").Should().Be(1);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_retried()
    {
        var inner = new StubChatClient(async (_, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new ChatResponse();
        });
        using var client = inner.AsBuilder().UseOrBenchRetry(new RetryOptions { TimeProvider = new InstantTimeProvider() }).Build();
        using var cts = new CancellationTokenSource();

        var call = client.GetResponseAsync("q", cancellationToken: cts.Token);
        await cts.CancelAsync();

        await call.Invoking(c => c).Should().ThrowAsync<OperationCanceledException>();
        inner.Calls.Should().Be(1);
    }

    [Theory]
    [InlineData("5", null, 5_000)]
    [InlineData("5", "250", 250)]
    [InlineData(null, "1500", 1_500)]
    [InlineData("0.5", null, 500)]
    [InlineData("Wed, 21 Oct 2015 07:28:30 GMT", null, 30_000)]
    [InlineData("Wed, 21 Oct 2015 07:27:00 GMT", null, 0)]
    public void Retry_after_values_are_parsed_as_seconds_dates_or_milliseconds(string? retryAfter, string? ms, int expectedMs)
    {
        var now = new DateTimeOffset(2015, 10, 21, 7, 28, 0, TimeSpan.Zero);

        TransientFaults.ParseRetryAfter(retryAfter, ms, now).Should().Be(TimeSpan.FromMilliseconds(expectedMs));
    }

    [Fact]
    public void Missing_or_garbled_retry_after_gives_no_wait()
    {
        TransientFaults.ParseRetryAfter(null, null, DateTimeOffset.UnixEpoch).Should().BeNull();
        TransientFaults.ParseRetryAfter("soon", "later", DateTimeOffset.UnixEpoch).Should().BeNull();
    }

    [Fact]
    public void Transient_classification_covers_network_failures_but_not_client_errors()
    {
        TransientFaults.IsTransient(new HttpRequestException("reset", new IOException("Connection reset by peer"))).Should().BeTrue();
        TransientFaults.IsTransient(new IOException("broken pipe")).Should().BeTrue();
        TransientFaults.IsTransient(new TimeoutException()).Should().BeTrue();
        TransientFaults.IsTransient(new HttpRequestException("bad", null, System.Net.HttpStatusCode.BadRequest)).Should().BeFalse();
        TransientFaults.IsTransient(new HttpRequestException("busy", null, System.Net.HttpStatusCode.ServiceUnavailable)).Should().BeTrue();
        TransientFaults.IsTransient(new InvalidOperationException("bug")).Should().BeFalse();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        TransientFaults.IsTransient(new OperationCanceledException(cts.Token), cts.Token).Should().BeFalse();
    }
}

public sealed class RetryAfterEdgeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static HttpResponseMessage Throttled(string header, string value)
    {
        var response = ScriptedHttp.Json((System.Net.HttpStatusCode)429, "{\"error\":{\"message\":\"Rate limit reached\",\"code\":\"rate_limit_exceeded\"}}");
        response.Headers.TryAddWithoutValidation(header, value);
        return response;
    }

    private static async Task<(PromptOutcome Outcome, ScriptedHttp Http, InstantTimeProvider Clock)> RunAsync(HttpResponseMessage first)
    {
        var http = new ScriptedHttp(call => call == 1 ? first : ScriptedHttp.Json(System.Net.HttpStatusCode.OK, ScriptedHttp.Completion("fine")));
        var clock = new InstantTimeProvider { Now = Now };
        var client = http.Client().AsBuilder()
            .UseOrBenchRetry(new RetryOptions { TimeProvider = clock, BaseDelay = TimeSpan.FromMilliseconds(100), Randomizer = () => 0.5, MaxRetryAfter = TimeSpan.FromMinutes(5) })
            .Build();
        var result = await new PromptRunner(client).RunAsync(RunTestKit.Prompts("q"));
        return (result.Outcomes.Single(), http, clock);
    }

    [Theory]
    [InlineData("retry-after-ms", "1e20")]
    [InlineData("retry-after-ms", "Infinity")]
    [InlineData("Retry-After", "1e15")]
    [InlineData("Retry-After", "99999999999999")]
    public async Task An_absurd_retry_after_ends_the_prompt_at_once_naming_the_wait(string header, string value)
    {
        var (outcome, http, clock) = await RunAsync(Throttled(header, value));

        outcome.Kind.Should().Be(OutcomeKind.Error, "a wait beyond MaxRetryAfter is not honoured, and retrying sooner would meet the same 429");
        outcome.Error.Should().Contain("Retry-After").And.Contain("a day or more").And.NotContain("Overflow");
        http.Calls.Should().Be(1);
        clock.Delays.Should().BeEmpty("nothing waits");
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_waits_until_that_date_on_the_retry_clock()
    {
        var (outcome, http, clock) = await RunAsync(Throttled("Retry-After", Now.AddSeconds(42).ToString("r", System.Globalization.CultureInfo.InvariantCulture)));

        outcome.Kind.Should().Be(OutcomeKind.Answered);
        http.Calls.Should().Be(2);
        clock.Delays.Should().ContainSingle().Which.Should().Be(TimeSpan.FromSeconds(42));
    }

    [Fact]
    public async Task A_429_without_retry_after_falls_back_to_the_backoff()
    {
        var (outcome, _, clock) = await RunAsync(ScriptedHttp.Json((System.Net.HttpStatusCode)429, "{}"));

        outcome.Kind.Should().Be(OutcomeKind.Answered);
        clock.Delays.Should().ContainSingle().Which.Should().BeLessThan(TimeSpan.FromSeconds(1), "the 100 ms base backoff with jitter, not a provider wait");
    }

    [Theory]
    [InlineData("1e15", null)]
    [InlineData(null, "1e300")]
    [InlineData(null, "Infinity")]
    public void Parsing_never_overflows(string? retryAfter, string? ms) =>
        TransientFaults.ParseRetryAfter(retryAfter, ms, Now).Should().Be(TimeSpan.FromDays(1));
}
