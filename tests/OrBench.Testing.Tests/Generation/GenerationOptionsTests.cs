using FluentAssertions;
using OrBench.Testing.Generation;
using OrBench.TestSupport.Chat;
using Xunit;

namespace OrBench.Testing.Tests.Generation;

public sealed class GenerationOptionsTests : IDisposable
{
    private readonly GenerationFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Defaults_are_the_papers_protocol()
    {
        var options = new GenerationOptions { OutputDirectory = "out" };

        options.Categories.Select(c => c.Value).Should().Equal(
            "deception", "harassment", "harmful", "hate", "illegal", "privacy", "self-harm", "sexual", "unethical", "violence");
        options.SeedsPerCategory.Should().Be(2000);
        options.SeedBatchSize.Should().Be(20);
        options.SeedTemperature.Should().Be(1.0f);
        options.RewritesPerSeed.Should().Be(5);
        options.RewriteTemperature.Should().Be(0.7f);
        options.RequiredVotes.Should().BeNull("a strict majority of the moderators");
    }

    [Fact]
    public void Required_votes_beyond_the_moderators_are_refused_before_any_call()
    {
        var clients = GenerationFixture.NewClients();
        var act = () => new GenerationPipeline(clients.Models, GenerationFixture.Options(_fixture.Dir("x")) with { RequiredVotes = 4 });

        act.Should().Throw<ArgumentException>().WithMessage("*RequiredVotes*between 1 and the number of moderators (3), was 4*");
        clients.Generator.Calls.Should().Be(0);
    }

    [Fact]
    public void Moderator_names_must_be_unique()
    {
        var clients = GenerationFixture.NewClients();
        var act = () => new GenerationModels(new GenerationModel("g", clients.Generator), [new("m", clients.A), new("m", clients.B)]);

        act.Should().Throw<ArgumentException>().WithMessage("*'m' is used 2 times*");
    }

    [Fact]
    public async Task Cancelling_during_moderation_keeps_earlier_stages_and_every_answer_already_received()
    {
        var directory = _fixture.Dir("run");
        using var cts = new CancellationTokenSource();
        var clients = GenerationFixture.NewClients();
        var cancelling = new StubChatClient("mod-b", prompt =>
        {
            cts.Cancel();
            return GenerationScript.ModeratorB(prompt);
        });
        var models = new GenerationModels(
            new GenerationModel("gen", clients.Generator),
            [new GenerationModel("mod-a", clients.A), new GenerationModel("mod-b", cancelling), new GenerationModel("mod-c", clients.C)],
            new GenerationModel("rew", clients.Rewriter));

        var act = () => new GenerationPipeline(models, GenerationFixture.Options(directory) with { MaxConcurrency = 1 }).RunAsync(cancellationToken: cts.Token);
        await act.Should().ThrowAsync<OperationCanceledException>();

        var resumed = GenerationFixture.NewClients();
        await new GenerationPipeline(resumed.Models, GenerationFixture.Options(directory, resume: true)).RunAsync();

        (resumed.Generator.Calls + resumed.Rewriter.Calls).Should().Be(0);
        resumed.B.AnsweredPrompts.Should().NotIntersectWith(cancelling.AnsweredPrompts, "the answer received while cancelling was journaled");
        resumed.B.AnsweredPrompts.Should().HaveCount(7 - cancelling.AnsweredPrompts.Count);
        resumed.A.AnsweredPrompts.Should().NotIntersectWith(clients.A.AnsweredPrompts);
    }

    [Fact]
    public async Task A_domain_is_carried_into_the_generator_and_rewriter_requests()
    {
        var clients = GenerationFixture.NewClients();
        await new GenerationPipeline(clients.Models, GenerationFixture.Options(_fixture.Dir("run")) with { Domain = "a pharmacy's customer chat" }).RunAsync();

        clients.Generator.AnsweredPrompts.Should().OnlyContain(p => p.Contains("a pharmacy's customer chat", StringComparison.Ordinal));
        clients.Rewriter.AnsweredPrompts.Should().OnlyContain(p => p.Contains("a pharmacy's customer chat", StringComparison.Ordinal));
    }
}
