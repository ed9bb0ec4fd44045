using FluentAssertions;
using Microsoft.Extensions.AI;
using OrBench.Testing.Middleware;
using OrBench.Testing.Running;
using OrBench.TestSupport.Chat;
using OrBench.TestSupport.OpenAi;
using Xunit;

namespace OrBench.Testing.Tests.Running;

/// <summary>Cancelling a run while requests hang: cancelled prompts are absent, never recorded as errors (which the gates count as refusals).</summary>
public sealed class RunCancellationTests : IDisposable
{
    private readonly TempDirectories _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Cancelling_while_requests_hang_keeps_the_answers_and_records_no_error_for_the_hung_prompts()
    {
        await using var stub = await OpenAiStubServer.StartAsync(new OpenAiStubOptions
        {
            Faults = StubFaults.WhenPromptContains("[hang]", StubFault.Hang),
            HangDuration = TimeSpan.FromSeconds(60),
        });
        var dir = _temp.Create();
        var cache = new FileDistributedCache(dir);
        var client = RunTestKit.OpenAiClient(stub).AsBuilder()
            .UseResponseCache(cache)
            .UseOrBenchRetry(new RetryOptions { TimeProvider = new InstantTimeProvider(), AttemptTimeout = TimeSpan.FromMinutes(5) })
            .Build();
        var prompts = RunTestKit.Prompts("a [hang]", "b", "c [hang]", "d", "e [hang]", "f");
        using var cts = new CancellationTokenSource();
        var progress = new RecordingProgress(p =>
        {
            if (p.Done == 3)
            {
                cts.Cancel();
            }
        });

        var result = await new PromptRunner(client, new RunOptions { MaxConcurrency = 6 }).RunAsync(prompts, progress, cts.Token);

        result.Cancelled.Should().BeTrue();
        result.Outcomes.Select(o => o.PromptId).Should().Equal("t-0001", "t-0003", "t-0005");
        result.Outcomes.Should().OnlyContain(o => o.Kind == OutcomeKind.Answered);
        await cache.FlushAsync();
        Directory.EnumerateFiles(dir, "*.entry", SearchOption.AllDirectories).Should().HaveCount(3, "exactly the answered prompts are recorded");
        stub.Requests.Where(r => r.Prompt.Contains("[hang]", StringComparison.Ordinal)).Should().HaveCount(3, "a cancelled request is not retried");
    }

    [Fact]
    public async Task A_client_that_wraps_the_cancellation_in_its_own_exception_still_ends_the_run_as_cancelled()
    {
        using var cts = new CancellationTokenSource();
        var inner = new StubChatClient(async (messages, _, ct) =>
        {
            if (messages.Last().Text == "answered")
            {
                return new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok"));
            }

            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException ex)
            {
                throw new HttpRequestException("The request was aborted.", ex);
            }

            return new ChatResponse();
        });
        var progress = new RecordingProgress(_ => cts.Cancel());

        var result = await new PromptRunner(inner, new RunOptions { MaxConcurrency = 3 })
            .RunAsync(RunTestKit.Prompts("slow 1", "answered", "slow 2"), progress, cts.Token);

        result.Cancelled.Should().BeTrue();
        result.Outcomes.Should().ContainSingle().Which.Kind.Should().Be(OutcomeKind.Answered, "the aborted requests were cancelled, not failed");
    }
}
