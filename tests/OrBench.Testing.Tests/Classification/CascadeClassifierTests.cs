using FluentAssertions;
using OrBench.Testing.Classification;
using OrBench.Testing.Classification.Cascading;
using OrBench.Testing.Classification.Judging;
using OrBench.Testing.Running;
using OrBench.TestSupport.Chat;
using Xunit;

namespace OrBench.Testing.Tests.Classification;

public class CascadeClassifierTests
{
    /// <summary>A first stage whose confidence is read from the response text ("conf=0.4 ...").</summary>
    private sealed class ScriptedFirstStage : IRefusalClassifier
    {
        public string Name => "first";

        public ValueTask<RefusalVerdict> ClassifyAsync(ClassificationInput input, CancellationToken cancellationToken = default)
        {
            var confidence = double.Parse(input.Response!.Split(' ')[0]["conf=".Length..], System.Globalization.CultureInfo.InvariantCulture);
            return ValueTask.FromResult(new RefusalVerdict(VerdictLabel.DirectAnswer, confidence, Name));
        }
    }

    [Fact]
    public async Task Only_low_confidence_responses_go_to_the_judge_and_are_counted()
    {
        var client = new StubChatClient(_ => "Declines. [[direct_refusal]]");
        var cascade = new CascadeClassifier(new ScriptedFirstStage(), new LlmJudgeClassifier(client), new CascadeOptions { Threshold = 0.8 });

        var confident = await cascade.ClassifyAsync(new ClassificationInput("q", "conf=0.95 text"));
        var unsure = await cascade.ClassifyAsync(new ClassificationInput("q", "conf=0.55 text"));
        var borderline = await cascade.ClassifyAsync(new ClassificationInput("q", "conf=0.8 text"));
        var blocked = await cascade.ClassifyAsync(new ClassificationInput("q", null, OutcomeKind.Blocked));

        confident.Classifier.Should().Be("first");
        borderline.Classifier.Should().Be("first");
        unsure.Label.Should().Be(VerdictLabel.DirectRefusal);
        unsure.Classifier.Should().Be("judge");
        blocked.Label.Should().Be(VerdictLabel.Blocked);
        client.Requests.Should().ContainSingle();
        cascade.Statistics.Should().Be(new CascadeStatistics(Classified: 4, JudgeCalls: 1, JudgeFailures: 0));
        cascade.Statistics.JudgeShare.Should().Be(0.25);
    }

    [Fact]
    public async Task An_unparsed_judge_reply_keeps_the_first_verdict_and_counts_a_failure()
    {
        var cascade = new CascadeClassifier(new ScriptedFirstStage(), new LlmJudgeClassifier(new StubChatClient(_ => "no marker")));
        var verdict = await cascade.ClassifyAsync(new ClassificationInput("q", "conf=0.1 text"));
        verdict.Label.Should().Be(VerdictLabel.DirectAnswer);
        verdict.Rationale.Should().Contain("unparsed");
        cascade.Statistics.JudgeFailures.Should().Be(1);
    }

    [Fact]
    public async Task Without_fallback_the_unparsed_judge_verdict_is_returned()
    {
        var cascade = new CascadeClassifier(
            new ScriptedFirstStage(),
            new LlmJudgeClassifier(new StubChatClient(_ => "[[maybe]]")),
            new CascadeOptions { FallBackOnJudgeFailure = false });
        (await cascade.ClassifyAsync(new ClassificationInput("q", "conf=0.1 text"))).Label.Should().Be(VerdictLabel.Unparsed);
    }

    [Fact]
    public async Task The_default_cascade_uses_the_offline_classifier_first()
    {
        var client = new StubChatClient(_ => "[[direct_answer]]");
        var cascade = RefusalClassifiers.Cascade(client, new CascadeOptions { Threshold = 0.0 });
        var verdict = await cascade.ClassifyAsync(new ClassificationInput("q", "I'm sorry, but I cannot help with that."));
        verdict.Classifier.Should().Be("offline");
        client.Requests.Should().BeEmpty();
    }
}
