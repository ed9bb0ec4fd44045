using System.ClientModel;
using System.ClientModel.Primitives;
using FluentAssertions;
using Microsoft.Extensions.AI;
using OrBench.Testing.Middleware;
using OrBench.Testing.Running;
using OrBench.Testing.Tests.Running;
using OrBench.TestSupport.OpenAi;
using Xunit;

namespace OrBench.Testing.Tests.Middleware;

public sealed class ContentFilterTests : IDisposable
{
    private readonly TempDirectories _temp = new();

    private static OpenAiStubOptions Scripted() => new()
    {
        Faults = StubFaults.FirstOf(
            StubFaults.WhenPromptContains("[azure-400]", StubFault.ContentFilterError),
            StubFaults.WhenPromptContains("[finish]", StubFault.ContentFilterFinish),
            StubFaults.WhenPromptContains("[empty]", StubFault.EmptyAnswer)),
    };

    [Fact]
    public async Task Content_filter_variants_are_blocked_and_empty_text_is_empty()
    {
        await using var stub = await OpenAiStubServer.StartAsync(Scripted());
        var prompts = RunTestKit.Prompts("a [azure-400]", "b [finish]", "c [empty]", "d");

        var result = await new PromptRunner(RunTestKit.OpenAiClient(stub)).RunAsync(prompts);

        result.Outcomes.Select(o => o.Kind).Should().Equal(OutcomeKind.Blocked, OutcomeKind.Blocked, OutcomeKind.Empty, OutcomeKind.Answered);
        result.Outcomes[0].Error.Should().Contain("content management policy");
        result.Outcomes[0].FinishReason.Should().Be("content_filter");
        result.Outcomes[1].FinishReason.Should().Be("content_filter");
        result.Outcomes[0].Text.Should().BeNull();
        result.Outcomes[1].Text.Should().BeNull();
    }

    [Fact]
    public async Task Filtered_requests_are_recorded_and_replayed_as_blocked()
    {
        await using var stub = await OpenAiStubServer.StartAsync(Scripted());
        var cache = new FileDistributedCache(_temp.Create());
        var prompts = RunTestKit.Prompts("a [azure-400]", "b [finish]");

        await new PromptRunner(RunTestKit.OpenAiClient(stub).AsBuilder().UseResponseCache(cache).Build()).RunAsync(prompts);
        var replay = await new PromptRunner(RunTestKit.OpenAiClient(stub).AsBuilder().UseResponseCache(cache, ResponseCacheMode.ReplayOnly).Build()).RunAsync(prompts);

        stub.Calls.Should().Be(2, "the replay-only run must not call the model");
        replay.Outcomes.Select(o => o.Kind).Should().Equal(OutcomeKind.Blocked, OutcomeKind.Blocked);
        replay.Outcomes[0].Error.Should().Contain("content management policy");
    }

    [Fact]
    public void Detection_reads_the_azure_error_body_not_just_the_message()
    {
        var response = new FakeResponse(400, """{"error":{"message":"Request rejected.","code":"content_filter","status":400}}""");
        var exception = new ClientResultException("HTTP 400 (invalid_request_error)", response);

        ContentFilters.IsContentFilterException(exception).Should().BeTrue();
        ContentFilters.IsContentFilterException(new ClientResultException("HTTP 400", new FakeResponse(400, """{"error":{"code":"invalid_value"}}""")))
            .Should().BeFalse();
        ContentFilters.IsContentFilterException(new ClientResultException("HTTP 429 content_filter?", new FakeResponse(429, "{}")))
            .Should().BeFalse("throttling is never a content filter");
        ContentFilters.IsContentFilterException(new InvalidOperationException("wrapped", new HttpRequestException("Azure said: content_filter")))
            .Should().BeFalse("a message that mentions content_filter is not a structured signal (issue 15 row 1)");
    }

    private sealed class FakeResponse(int status, string body) : PipelineResponse
    {
        private readonly BinaryData _content = BinaryData.FromString(body);

        public override int Status => status;

        public override string ReasonPhrase => "Bad Request";

        public override Stream? ContentStream { get; set; }

        public override BinaryData Content => _content;

        protected override PipelineResponseHeaders HeadersCore => throw new NotSupportedException();

        public override BinaryData BufferContent(CancellationToken cancellationToken = default) => _content;

        public override ValueTask<BinaryData> BufferContentAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_content);

        public override void Dispose()
        {
        }
    }

    public void Dispose() => _temp.Dispose();
}

public sealed class OpenAiPolicyBlockTests
{
    private const string Flagged = "{\"error\":{\"message\":\"Invalid prompt: your prompt was flagged as potentially violating our usage policy. Please try again with a different prompt.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_prompt\"}}";

    [Fact]
    public async Task OpenAIs_usage_policy_block_is_blocked_not_an_error_and_is_not_retried()
    {
        var http = new ScriptedHttp(_ => ScriptedHttp.Json(System.Net.HttpStatusCode.BadRequest, Flagged));
        var client = http.Client().AsBuilder().UseOrBenchRetry(new RetryOptions { TimeProvider = new InstantTimeProvider() }).Build();

        var outcome = (await new PromptRunner(client).RunAsync(RunTestKit.Prompts("q"))).Outcomes.Single();

        outcome.Kind.Should().Be(OutcomeKind.Blocked, "the paper counts a provider-side block as a rejection");
        outcome.FinishReason.Should().Be("content_filter");
        outcome.Error.Should().Contain("usage policy");
        http.Calls.Should().Be(1);
    }

    [Fact]
    public async Task Another_invalid_prompt_error_stays_an_error()
    {
        var http = new ScriptedHttp(_ => ScriptedHttp.Json(
            System.Net.HttpStatusCode.BadRequest,
            "{\"error\":{\"message\":\"Invalid prompt: messages must alternate roles.\",\"type\":\"invalid_request_error\",\"code\":\"invalid_prompt\"}}"));

        var outcome = (await new PromptRunner(http.Client()).RunAsync(RunTestKit.Prompts("q"))).Outcomes.Single();

        outcome.Kind.Should().Be(OutcomeKind.Error);
    }
}
