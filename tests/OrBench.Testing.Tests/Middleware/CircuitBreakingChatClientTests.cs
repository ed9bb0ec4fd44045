using System.Net;
using FluentAssertions;
using Microsoft.Extensions.AI;
using OrBench.Testing.Middleware;
using OrBench.Testing.Running;
using OrBench.Testing.Tests.Running;
using Xunit;

namespace OrBench.Testing.Tests.Middleware;

/// <summary>Issue 15 row 14 at the library level: repeated authentication or connection failures stop the run early.</summary>
public sealed class CircuitBreakingChatClientTests
{
    private static HttpResponseMessage Unauthorized() =>
        ScriptedHttp.Json(HttpStatusCode.Unauthorized, """{"error":{"message":"Invalid authentication credentials.","code":"invalid_api_key"}}""");

    [Fact]
    public async Task Five_401s_in_a_row_stop_the_run_with_the_endpoint_and_the_reason()
    {
        var http = new ScriptedHttp(_ => Unauthorized());
        var client = http.Client().AsBuilder().Use(inner => new CircuitBreakingChatClient(inner)).Build();

        var run = () => new PromptRunner(client, new RunOptions { MaxConcurrency = 1 }).RunAsync(RunTestKit.Prompts(20));

        var thrown = await run.Should().ThrowAsync<EndpointUnavailableException>();
        thrown.Which.IsAuthentication.Should().BeTrue();
        thrown.Which.Failures.Should().Be(5);
        thrown.Which.Message.Should().StartWith("stopped after 5 requests in a row were refused by http://127.0.0.1:9/v1").And.Contain("HTTP 401: Invalid authentication credentials.");
        http.Calls.Should().Be(5, "no request is sent after the circuit opened");
    }

    [Fact]
    public async Task A_success_between_failures_resets_the_count()
    {
        var http = new ScriptedHttp(call => call % 4 == 0 ? ScriptedHttp.Json(HttpStatusCode.OK, ScriptedHttp.Completion("fine")) : Unauthorized());
        var client = http.Client().AsBuilder().Use(inner => new CircuitBreakingChatClient(inner)).Build();

        var result = await new PromptRunner(client, new RunOptions { MaxConcurrency = 1 }).RunAsync(RunTestKit.Prompts(12));

        result.Outcomes.Should().HaveCount(12);
        result.Outcomes.Count(o => o.Kind == OutcomeKind.Error).Should().Be(9);
        http.Calls.Should().Be(12);
    }

    [Fact]
    public async Task Other_client_errors_never_open_the_circuit()
    {
        var http = new ScriptedHttp(_ => ScriptedHttp.Json(HttpStatusCode.BadRequest, """{"error":{"message":"bad request"}}"""));
        var client = http.Client().AsBuilder().Use(inner => new CircuitBreakingChatClient(inner, threshold: 2)).Build();

        var result = await new PromptRunner(client, new RunOptions { MaxConcurrency = 1 }).RunAsync(RunTestKit.Prompts(6));

        result.Outcomes.Should().HaveCount(6).And.OnlyContain(o => o.Kind == OutcomeKind.Error && o.Error == "HTTP 400: bad request");
    }
}
