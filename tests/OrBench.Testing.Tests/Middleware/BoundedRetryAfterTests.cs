using System.Net;
using FluentAssertions;
using Microsoft.Extensions.AI;
using OrBench.Testing.Middleware;
using OrBench.Testing.Running;
using OrBench.Testing.Tests.Running;
using Xunit;

namespace OrBench.Testing.Tests.Middleware;

/// <summary>Issue 15 row 10 at the library level: Retry-After honoured only up to the time the request has left, and every wait reported with its reason.</summary>
public sealed class BoundedRetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static HttpResponseMessage Throttled(int seconds)
    {
        var response = ScriptedHttp.Json((HttpStatusCode)429, """{"error":{"message":"Rate limit reached","code":"rate_limit_exceeded"}}""");
        response.Headers.TryAddWithoutValidation("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }

    [Fact]
    public async Task A_wait_longer_than_the_request_has_left_is_not_honoured_and_names_both()
    {
        var http = new ScriptedHttp(call => call == 1 ? Throttled(60) : ScriptedHttp.Json(HttpStatusCode.OK, ScriptedHttp.Completion("fine")));
        var clock = new InstantTimeProvider { Now = Now };
        var client = http.Client().AsBuilder().UseOrBenchRetry(new RetryOptions { TimeProvider = clock, MaxRetryAfter = TimeSpan.FromMinutes(5) }).Build();

        var result = await new PromptRunner(client, new RunOptions { RequestTimeout = TimeSpan.FromSeconds(30) }) { TimeProvider = clock }.RunAsync(RunTestKit.Prompts("q"));

        var outcome = result.Outcomes.Single();
        outcome.Kind.Should().Be(OutcomeKind.Error);
        outcome.Error.Should().Be("not retried: the server asked to wait 60 s (Retry-After), more than the time left of the request timeout (30 s)");
        http.Calls.Should().Be(1);
        clock.Delays.Should().BeEmpty();
    }

    [Fact]
    public async Task A_wait_within_the_bounds_is_honoured_and_reported_with_its_reason()
    {
        var http = new ScriptedHttp(call => call == 1 ? Throttled(20) : ScriptedHttp.Json(HttpStatusCode.OK, ScriptedHttp.Completion("fine")));
        var clock = new InstantTimeProvider { Now = Now };
        var waits = new List<RetryWait>();
        var client = http.Client().AsBuilder().UseOrBenchRetry(new RetryOptions { TimeProvider = clock, OnRetry = waits.Add }).Build();

        var result = await new PromptRunner(client, new RunOptions { RequestTimeout = TimeSpan.FromSeconds(30) }) { TimeProvider = clock }.RunAsync(RunTestKit.Prompts("q"));

        result.Outcomes.Single().Kind.Should().Be(OutcomeKind.Answered);
        clock.Delays.Should().Contain(TimeSpan.FromSeconds(20));
        waits.Should().ContainSingle().Which.Should().Be(new RetryWait(TimeSpan.FromSeconds(20), 2, 4, "HTTP 429: Rate limit reached (code rate_limit_exceeded)", ServerAsked: true));
    }
}
