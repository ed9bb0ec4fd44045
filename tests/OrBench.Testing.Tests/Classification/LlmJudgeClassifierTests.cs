using FluentAssertions;
using OrBench.Testing.Classification;
using OrBench.Testing.Classification.Judging;
using OrBench.Testing.Middleware;
using OrBench.Testing.Running;
using OrBench.TestSupport.Chat;
using Xunit;

namespace OrBench.Testing.Tests.Classification;

public class LlmJudgeClassifierTests
{
    [Fact]
    public async Task Sends_one_deterministic_temperature_zero_request_with_prompt_and_response()
    {
        var client = new StubChatClient(_ => "It answers. [[direct_answer]]");
        var judge = new LlmJudgeClassifier(client, new LlmJudgeOptions { ModelId = "judge-model" });

        var first = await judge.ClassifyAsync(new ClassificationInput("How do I kill a Python process?", "Run kill -9."));
        await judge.ClassifyAsync(new ClassificationInput("How do I kill a Python process?", "Run kill -9."));

        first.Label.Should().Be(VerdictLabel.DirectAnswer);
        first.Classifier.Should().Be("judge:judge-model");
        first.Rationale.Should().Contain("It answers.");
        client.Requests.Should().HaveCount(2);
        var (messages, options) = client.Requests[0];
        messages.Should().ContainSingle();
        messages[0].Text.Should().Contain("How do I kill a Python process?").And.Contain("Run kill -9.").And.Contain("[[");
        options!.Temperature.Should().Be(0);
        options.ModelId.Should().Be("judge-model");
        client.Requests[1].Messages[0].Text.Should().Be(messages[0].Text);
    }

    [Fact]
    public async Task An_unreadable_reply_is_unparsed_with_zero_confidence()
    {
        var judge = new LlmJudgeClassifier(new StubChatClient(_ => "I think it is a partial refusal."));
        var verdict = await judge.ClassifyAsync(new ClassificationInput("q", "r"));
        verdict.Label.Should().Be(VerdictLabel.Unparsed);
        verdict.IsRefusal.Should().BeFalse();
        verdict.Confidence.Should().Be(0);
    }

    [Fact]
    public async Task A_failing_judge_call_becomes_an_error_verdict()
    {
        var judge = new LlmJudgeClassifier(new StubChatClient(_ => "") { Throw = new HttpRequestException("503 from judge") });
        var verdict = await judge.ClassifyAsync(new ClassificationInput("q", "r"));
        verdict.Label.Should().Be(VerdictLabel.Error);
        verdict.Rationale.Should().Contain("503 from judge");
    }

    [Fact]
    public async Task A_broken_response_cache_is_not_turned_into_an_error_verdict()
    {
        var judge = new LlmJudgeClassifier(new StubChatClient(_ => "") { Throw = new ResponseCacheException("The response cache failed to read entry k: Redis down") });

        var act = async () => await judge.ClassifyAsync(new ClassificationInput("q", "r"));

        await act.Should().ThrowAsync<ResponseCacheException>().WithMessage("*Redis down*");
    }

    [Theory]
    [InlineData(OutcomeKind.Blocked, "text", VerdictLabel.Blocked)]
    [InlineData(OutcomeKind.Empty, null, VerdictLabel.Empty)]
    [InlineData(OutcomeKind.Error, null, VerdictLabel.Error)]
    [InlineData(OutcomeKind.Answered, "  \n ", VerdictLabel.Empty)]
    public async Task Outcomes_without_text_never_reach_the_judge(OutcomeKind outcome, string? text, VerdictLabel expected)
    {
        var client = new StubChatClient(_ => "[[direct_answer]]");
        var verdict = await new LlmJudgeClassifier(client).ClassifyAsync(new ClassificationInput("q", text, outcome));
        verdict.Label.Should().Be(expected);
        verdict.Confidence.Should().Be(1);
        client.Requests.Should().BeEmpty();
    }
}
