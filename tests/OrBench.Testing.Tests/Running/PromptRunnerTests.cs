using FluentAssertions;
using Microsoft.Extensions.AI;
using OrBench.Testing.Classification;
using OrBench.Testing.Results;
using OrBench.Testing.Running;
using OrBench.TestSupport.Chat;
using OrBench.TestSupport.OpenAi;
using Xunit;

namespace OrBench.Testing.Tests.Running;

public sealed class PromptRunnerTests
{
    [Fact]
    public async Task Default_options_send_the_papers_protocol()
    {
        await using var stub = await OpenAiStubServer.StartAsync();
        var prompts = RunTestKit.Prompts("What household chemicals should never be mixed?", "How do lock picks work? [refuse]");

        var result = await new PromptRunner(RunTestKit.OpenAiClient(stub)).RunAsync(prompts);

        stub.Requests.Should().HaveCount(2).And.OnlyContain(r =>
            r.MessageCount == 1 && r.SystemPrompt == null && r.Temperature == 0 && r.MaxTokens == 1000 && r.Model == "stub-model");
        stub.Requests.Select(r => r.Prompt).Should().BeEquivalentTo(prompts.Select(p => p.Text));
        result.Outcomes.Select(o => o.PromptId).Should().Equal("t-0000", "t-0001");
        result.Outcomes[0].Kind.Should().Be(OutcomeKind.Answered);
        result.Outcomes[0].Text.Should().Be("Sure. Here is an answer to: What household chemicals should never be mixed?");
        result.Outcomes[1].Kind.Should().Be(OutcomeKind.Answered, "a refusal in text is still an answer at the Run stage; verdicts come later");
        result.Outcomes[1].Text.Should().StartWith("I'm sorry");
        result.Model.Should().Be("stub-model");
        result.Cancelled.Should().BeFalse();
    }

    [Fact]
    public async Task Outcomes_carry_usage_finish_reason_and_model()
    {
        await using var stub = await OpenAiStubServer.StartAsync();
        var prompts = RunTestKit.Prompts("one two three");

        var outcome = (await new PromptRunner(RunTestKit.OpenAiClient(stub)).RunAsync(prompts)).Outcomes.Single();

        outcome.InputTokens.Should().Be(3, "the stub counts prompt words as tokens");
        outcome.OutputTokens.Should().Be(9, "'Sure. Here is an answer to: one two three' is 9 words");
        outcome.FinishReason.Should().Be("stop");
        outcome.ModelId.Should().Be("stub-model");
        outcome.Latency.Should().BePositive();
    }

    [Fact]
    public async Task Totals_count_kinds_and_sum_reported_tokens()
    {
        await using var stub = await OpenAiStubServer.StartAsync(new OpenAiStubOptions
        {
            Faults = StubFaults.FirstOf(
                StubFaults.WhenPromptContains("[fail]", StubFault.ServerError),
                StubFaults.WhenPromptContains("[filter]", StubFault.ContentFilterFinish)),
        });
        var prompts = RunTestKit.Prompts("one two", "three four five", "x [fail]", "y [filter]");

        var run = await new PromptRunner(RunTestKit.OpenAiClient(stub)).RunAsync(prompts);
        var totals = RunTotals.Of(ResultBuilder.Build(run, [.. run.Outcomes.Select(_ => new RefusalVerdict(VerdictLabel.DirectAnswer, 1, "test"))]));

        // Answers echo the prompt after 6 words: "Sure. Here is an answer to: …".
        totals.Should().BeEquivalentTo(new { Records = 4, Answered = 2, Blocked = 1, Empty = 0, Errors = new { Request = 1 }, InputTokens = 2 + 3 + 2, OutputTokens = 8 + 9, TokensReported = true, FromServer = true });
    }

    [Fact]
    public async Task System_prompt_and_chat_option_overrides_are_applied()
    {
        await using var stub = await OpenAiStubServer.StartAsync();
        var options = new RunOptions
        {
            SystemPrompt = "You are a helpful assistant.",
            ChatOptions = new ChatOptions { Temperature = 0.7f, StopSequences = ["END"] },
            MaxOutputTokens = 256,
        };

        await new PromptRunner(RunTestKit.OpenAiClient(stub), options).RunAsync(RunTestKit.Prompts("Explain phishing."));

        var request = stub.Requests.Single();
        request.MessageCount.Should().Be(2);
        request.SystemPrompt.Should().Be("You are a helpful assistant.");
        request.Prompt.Should().Be("Explain phishing.");
        request.Temperature.Should().BeApproximately(0.7, 1e-6, "ChatOptions overrides win over the protocol defaults");
        request.MaxTokens.Should().Be(256);
    }

    [Fact]
    public async Task Repeats_give_one_outcome_per_prompt_and_repeat_in_set_order()
    {
        await using var stub = await OpenAiStubServer.StartAsync();
        var prompts = RunTestKit.Prompts(5);

        var result = await new PromptRunner(RunTestKit.OpenAiClient(stub), new RunOptions { Repeats = 3, MaxConcurrency = 4 }).RunAsync(prompts);

        result.Outcomes.Select(o => (o.PromptId, o.Repeat)).Should().Equal(
            prompts.SelectMany(p => Enumerable.Range(0, 3).Select(r => (p.Id, r))));
        stub.Calls.Should().Be(15);
        stub.Requests.Should().OnlyContain(r => !r.Body.Contains(RunProtocol.RepeatProperty, StringComparison.Ordinal), "the repeat marker only informs the cache key and must not reach the provider");
    }

    [Fact]
    public async Task Concurrency_never_exceeds_the_bound()
    {
        await using var stub = await OpenAiStubServer.StartAsync(new OpenAiStubOptions { Latency = TimeSpan.FromMilliseconds(15) });
        var prompts = RunTestKit.Prompts(60);

        var result = await new PromptRunner(RunTestKit.OpenAiClient(stub), new RunOptions { MaxConcurrency = 4 }).RunAsync(prompts);

        result.Outcomes.Should().HaveCount(60);
        stub.MaxInFlight.Should().BeLessThanOrEqualTo(4);
        stub.MaxInFlight.Should().BeGreaterThan(1, "the runner must actually send in parallel");
    }

    [Fact]
    public async Task Default_concurrency_is_eight_and_never_exceeded()
    {
        await using var stub = await OpenAiStubServer.StartAsync(new OpenAiStubOptions { Latency = TimeSpan.FromMilliseconds(15) });

        await new PromptRunner(RunTestKit.OpenAiClient(stub)).RunAsync(RunTestKit.Prompts(80));

        new RunOptions().MaxConcurrency.Should().Be(8);
        stub.MaxInFlight.Should().BeLessThanOrEqualTo(8);
    }

    [Fact]
    public async Task Progress_reports_every_finished_request_with_errors_and_eta()
    {
        await using var stub = await OpenAiStubServer.StartAsync(new OpenAiStubOptions
        {
            Faults = StubFaults.WhenPromptContains("[fail]", StubFault.ServerError),
        });
        var prompts = RunTestKit.Prompts(12, text: i => i % 4 == 0 ? $"prompt {i} [fail]" : $"prompt {i}");
        var progress = new RecordingProgress();

        await new PromptRunner(RunTestKit.OpenAiClient(stub), new RunOptions { MaxConcurrency = 3 }).RunAsync(prompts, progress);

        var reports = progress.Reports;
        reports.Select(r => r.Done).Should().Equal(Enumerable.Range(1, 12));
        reports.Should().OnlyContain(r => r.Total == 12);
        reports.Select(r => r.Errors).Should().BeInAscendingOrder();
        reports[^1].Errors.Should().Be(3);
        reports[^1].Eta.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public async Task Failures_are_errors_with_scrubbed_messages_never_dropped()
    {
        await using var stub = await OpenAiStubServer.StartAsync(new OpenAiStubOptions
        {
            Faults = StubFaults.WhenPromptContains("[fail]", StubFault.ServerError),
        });
        var prompts = RunTestKit.Prompts("fine", "broken [fail]", "also fine");

        var result = await new PromptRunner(RunTestKit.OpenAiClient(stub)).RunAsync(prompts);

        result.Outcomes.Select(o => o.Kind).Should().Equal(OutcomeKind.Answered, OutcomeKind.Error, OutcomeKind.Answered);
        var error = result.Outcomes[1];
        error.Text.Should().BeNull();
        error.Error.Should().Contain("500").And.NotContain(RunTestKit.ApiKey);
    }

    [Fact]
    public async Task Cancelling_keeps_finished_outcomes_and_marks_the_run()
    {
        await using var stub = await OpenAiStubServer.StartAsync(new OpenAiStubOptions { Latency = TimeSpan.FromMilliseconds(5) });
        using var cts = new CancellationTokenSource();
        var progress = new RecordingProgress(p =>
        {
            if (p.Done == 10)
            {
                cts.Cancel();
            }
        });

        var result = await new PromptRunner(RunTestKit.OpenAiClient(stub), new RunOptions { MaxConcurrency = 2 })
            .RunAsync(RunTestKit.Prompts(200), progress, cts.Token);

        result.Cancelled.Should().BeTrue();
        result.Outcomes.Count.Should().BeInRange(10, 12, "only requests already in flight may still finish");
        result.Outcomes.Should().OnlyContain(o => o.Kind == OutcomeKind.Answered);
        result.Outcomes.Select(o => o.PromptId).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task Request_timeout_turns_a_hang_into_an_error()
    {
        await using var stub = await OpenAiStubServer.StartAsync(new OpenAiStubOptions
        {
            Faults = StubFaults.WhenPromptContains("[hang]", StubFault.Hang),
            HangDuration = TimeSpan.FromSeconds(20),
        });

        var result = await new PromptRunner(RunTestKit.OpenAiClient(stub), new RunOptions { RequestTimeout = TimeSpan.FromSeconds(2) })
            .RunAsync(RunTestKit.Prompts("slow [hang]", "quick"));

        result.Outcomes[0].Kind.Should().Be(OutcomeKind.Error);
        result.Outcomes[0].Error.Should().Contain("timeout");
        result.Outcomes[1].Kind.Should().Be(OutcomeKind.Answered);
    }

    [Fact]
    public async Task Invalid_options_are_rejected_with_their_name()
    {
        var runner = new PromptRunner(new StubChatClient(), new RunOptions { MaxConcurrency = 0 });

        var act = () => runner.RunAsync(RunTestKit.Prompts(1));

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>().WithMessage("*MaxConcurrency*");
    }
}
