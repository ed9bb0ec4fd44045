using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Text;
using FluentAssertions;
using Microsoft.Extensions.AI;
using OpenAI;
using OrBench.Testing.Middleware;
using OrBench.Testing.Running;
using OrBench.Testing.Tests.Running;
using Xunit;

namespace OrBench.Testing.Tests.Middleware;

/// <summary>
/// Issue 15 rows 1, 3 and 11 at the library level: the real OpenAI client over <see cref="ResponseGuardHandler"/> turns
/// bodies that are no completion, and bodies above the cap, into request errors with a one-line reason; a 400 that
/// only mentions content filters is an error and is never cached.
/// </summary>
public sealed class ResponseGuardHandlerTests
{
    private static HttpResponseMessage Body(string body, string mediaType = "application/json") =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    private static async Task<(PromptOutcome Outcome, ScriptedHttp Http)> RunAsync(Func<int, HttpResponseMessage> respond, long maxBytes = ResponseGuardHandler.DefaultMaxResponseBytes, Func<ChatClientBuilder, ChatClientBuilder>? middleware = null)
    {
        var http = new ScriptedHttp(respond);
        IChatClient client = new OpenAI.Chat.ChatClient(
            "m",
            new ApiKeyCredential(RunTestKit.ApiKey),
            new OpenAIClientOptions
            {
                Endpoint = new Uri("http://127.0.0.1:9/v1"),
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                Transport = new HttpClientPipelineTransport(new HttpClient(new ResponseGuardHandler(http) { MaxResponseBytes = maxBytes })),
            }).AsIChatClient();
        if (middleware is not null)
        {
            client = middleware(client.AsBuilder()).Build();
        }

        var result = await new PromptRunner(client).RunAsync(RunTestKit.Prompts("q"));
        return (result.Outcomes.Single(), http);
    }

    [Theory]
    [InlineData("""{"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":12345},"finish_reason":"stop"}]}""", "choices[0].message.content is a number (12345), not a string")]
    [InlineData("""{"id":"c","object":"chat.completion","created":1,"model":"m","choices":[]}""", "empty 'choices' array")]
    [InlineData("""{"error":{"message":"upstream timed out","code":"upstream"}}""", "carrying an error instead of a completion: upstream timed out")]
    [InlineData("""{"id":"c","object":"chat.completion","choi""", "not valid JSON (truncated or malformed")]
    public async Task A_200_that_is_no_completion_is_an_error_naming_what_was_wrong(string body, string reason)
    {
        var (outcome, _) = await RunAsync(_ => Body(body));

        outcome.Kind.Should().Be(OutcomeKind.Error, "the OpenAI client alone reads such bodies as an empty answer, a refusal");
        outcome.Error.Should().Contain(reason).And.NotContain("\n");
    }

    [Fact]
    public async Task An_html_page_under_200_is_an_error_quoting_its_start()
    {
        var (outcome, _) = await RunAsync(_ => Body("<!DOCTYPE html><html><body>Sign in</body></html>", "text/html"));

        outcome.Kind.Should().Be(OutcomeKind.Error);
        outcome.Error.Should().Be("HTTP 200 with text/html instead of a JSON completion (starts '<!DOCTYPE html><html><body>Sign in</body></html>')");
    }

    [Fact]
    public async Task A_body_above_the_cap_is_an_error_naming_both_sizes_and_a_smaller_one_is_answered()
    {
        var big = ScriptedHttp.Completion(new string('x', 5000));

        var (capped, _) = await RunAsync(_ => Body(big), maxBytes: 4096);
        var (fits, _) = await RunAsync(_ => Body(big), maxBytes: 8192);

        capped.Kind.Should().Be(OutcomeKind.Error);
        capped.Error.Should().Contain("above the size cap of 4,096 bytes").And.Contain($"is {Encoding.UTF8.GetByteCount(big):N0} bytes");
        fits.Kind.Should().Be(OutcomeKind.Answered);
        fits.Text.Should().HaveLength(5000);
    }

    [Fact]
    public async Task A_400_that_mentions_content_filter_is_an_error_naming_the_400_and_is_not_cached()
    {
        const string body = """{"error":{"message":"Unsupported parameter: 'content_filter_policy' is not supported with this model.","type":"invalid_request_error","param":"content_filter_policy","code":"unsupported_parameter"}}""";
        var cache = new Microsoft.Extensions.Caching.Distributed.MemoryDistributedCache(Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Caching.Memory.MemoryDistributedCacheOptions()));
        Func<ChatClientBuilder, ChatClientBuilder> cached = b => b.UseResponseCache(cache);

        var (first, http) = await RunAsync(_ => ScriptedHttp.Json(HttpStatusCode.BadRequest, body), middleware: cached);

        first.Kind.Should().Be(OutcomeKind.Error, "only a structured filter signal is a block; this 400 merely names a parameter");
        first.Error.Should().Be("HTTP 400: Unsupported parameter: 'content_filter_policy' is not supported with this model. (code unsupported_parameter)");
        http.Calls.Should().Be(1);
        var (second, http2) = await RunAsync(_ => ScriptedHttp.Json(HttpStatusCode.BadRequest, body), middleware: cached);
        second.Kind.Should().Be(OutcomeKind.Error);
        http2.Calls.Should().Be(1, "the error was not cached, so the second run asks the server again");
    }

    [Fact]
    public async Task An_azure_content_filter_400_is_still_blocked()
    {
        const string body = """{"error":{"message":"The response was filtered.","code":"content_filter","status":400,"innererror":{"code":"ResponsibleAIPolicyViolation"}}}""";

        var (outcome, _) = await RunAsync(_ => ScriptedHttp.Json(HttpStatusCode.BadRequest, body));

        outcome.Kind.Should().Be(OutcomeKind.Blocked);
    }
}
