using FluentAssertions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using OrBench.Testing.Generation;
using OrBench.Testing.Tests.Generation;
using OrBench.TestSupport.Chat;
using Xunit;

namespace OrBench.Testing.Tests.Acceptance;

public sealed class GenerationResumeTests : IDisposable
{
    private readonly GenerationFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Run_interrupted_in_moderation_resumes_without_repeating_any_model_call()
    {
        var directory = _fixture.Dir("run");
        using var kill = new CancellationTokenSource();
        var crashing = GenerationFixture.NewClients(moderatorBFailsFromCall: 4, kill);
        var act = () => new GenerationPipeline(crashing.Models, GenerationFixture.Options(directory)).RunAsync(null, kill.Token);
        await act.Should().ThrowAsync<OperationCanceledException>();

        File.Exists(Path.Combine(directory, GenerationFiles.SeedsCheckpoint)).Should().BeTrue();
        File.Exists(Path.Combine(directory, GenerationFiles.RewritesCheckpoint)).Should().BeTrue();
        File.Exists(Path.Combine(directory, GenerationFiles.ModerationCheckpoint)).Should().BeFalse();
        File.Exists(Path.Combine(directory, GenerationFiles.OverRefusalCsv)).Should().BeFalse("nothing half-finished is written as output");
        crashing.B.AnsweredPrompts.Should().HaveCount(3);

        var resumedClients = GenerationFixture.NewClients();
        var resumed = await new GenerationPipeline(resumedClients.Models, GenerationFixture.Options(directory, resume: true)).RunAsync();

        resumedClients.Generator.Calls.Should().Be(0, "stage 1 is loaded from its checkpoint");
        resumedClients.Rewriter.Calls.Should().Be(0, "stage 2 is loaded from its checkpoint");
        for (var m = 0; m < 3; m++)
        {
            var before = crashing.Moderators[m].AnsweredPrompts;
            var after = resumedClients.Moderators[m].AnsweredPrompts;
            after.Should().NotIntersectWith(before, $"{crashing.Moderators[m].Name} must not be asked again what it already answered");
            before.Concat(after).Should().OnlyHaveUniqueItems().And.HaveCount(7, "every kept rewrite is moderated exactly once overall");
        }

        resumed.Summary.ResumedStages.Should().Equal(GenerationStage.Seeds, GenerationStage.Rewrites);
        resumed.Summary.Calls.Should().Be(6 + 6 + 21, "totals count the answers behind the outputs, replayed or not");
        resumed.Summary.ReplayedCalls.Should().Be(6 + 6 + crashing.Moderators.Sum(m => m.AnsweredPrompts.Count));

        var uninterrupted = await new GenerationPipeline(GenerationFixture.NewClients().Models, GenerationFixture.Options(_fixture.Dir("clean"))).RunAsync();
        foreach (var file in new[] { GenerationFiles.OverRefusalCsv, GenerationFiles.ToxicCsv, GenerationFiles.ProvenanceJsonl })
        {
            (await File.ReadAllBytesAsync(Path.Combine(directory, file)))
                .Should().Equal(await File.ReadAllBytesAsync(Path.Combine(uninterrupted.OutputDirectory, file)), file);
        }

        File.Exists(Path.Combine(directory, GenerationFiles.CallJournal)).Should().BeFalse("the journal is removed once every stage is checkpointed");
    }

    [Fact]
    public async Task Answers_journaled_after_a_torn_line_survive_the_next_resume()
    {
        var directory = _fixture.Dir("run");
        using var kill1 = new CancellationTokenSource();
        var first = GenerationFixture.NewClients(moderatorBFailsFromCall: 2, kill1);
        var act = () => new GenerationPipeline(first.Models, GenerationFixture.Options(directory)).RunAsync(null, kill1.Token);
        await act.Should().ThrowAsync<OperationCanceledException>();

        // A crash in the middle of a journal write leaves a line without its end.
        await File.AppendAllTextAsync(Path.Combine(directory, GenerationFiles.CallJournal), "{\"key\":\"torn");

        using var kill2 = new CancellationTokenSource();
        var second = GenerationFixture.NewClients(moderatorBFailsFromCall: 3, kill2);
        act = () => new GenerationPipeline(second.Models, GenerationFixture.Options(directory, resume: true)).RunAsync(null, kill2.Token);
        await act.Should().ThrowAsync<OperationCanceledException>();
        second.Moderators.Sum(m => m.AnsweredPrompts.Count).Should().BePositive("the second attempt journals new answers after the torn line");

        var third = GenerationFixture.NewClients();
        await new GenerationPipeline(third.Models, GenerationFixture.Options(directory, resume: true)).RunAsync();

        for (var m = 0; m < 3; m++)
        {
            third.Moderators[m].AnsweredPrompts.Should().NotIntersectWith(
                second.Moderators[m].AnsweredPrompts, $"{third.Moderators[m].Name}'s answers from the second attempt were journaled and paid for");
        }
    }

    [Theory]
    [InlineData("gen", 3)]
    [InlineData("rew", 3)]
    [InlineData("mod-c", 5)]
    public async Task A_kill_in_any_stage_resumes_to_the_same_files_without_asking_any_model_twice(string killed, int atCall)
    {
        var directory = _fixture.Dir("run");
        using var kill = new CancellationTokenSource();
        var (first, firstModels) = ClientsKilling(killed, atCall, kill);
        var act = () => new GenerationPipeline(firstModels, GenerationFixture.Options(directory)).RunAsync(null, kill.Token);
        await act.Should().ThrowAsync<OperationCanceledException>();

        var second = GenerationFixture.NewClients();
        await new GenerationPipeline(second.Models, GenerationFixture.Options(directory, resume: true)).RunAsync();

        var firstAll = new[] { first.Generator, first.Rewriter, first.A, first.B, first.C };
        var secondAll = new[] { second.Generator, second.Rewriter, second.A, second.B, second.C };
        for (var i = 0; i < firstAll.Length; i++)
        {
            secondAll[i].AnsweredPrompts.Should().NotIntersectWith(firstAll[i].AnsweredPrompts, $"{firstAll[i].Name} answered those before the kill");
        }

        firstAll.Single(c => c.Name == killed).AnsweredPrompts.Should().HaveCount(atCall - 1);
        var clean = await new GenerationPipeline(GenerationFixture.NewClients().Models, GenerationFixture.Options(_fixture.Dir("clean"))).RunAsync();
        foreach (var file in new[] { GenerationFiles.OverRefusalCsv, GenerationFiles.ToxicCsv, GenerationFiles.ProvenanceJsonl })
        {
            (await File.ReadAllBytesAsync(Path.Combine(directory, file)))
                .Should().Equal(await File.ReadAllBytesAsync(Path.Combine(clean.OutputDirectory, file)), file);
        }
    }

    private static (GenerationFixture.Clients Clients, GenerationModels Models) ClientsKilling(string name, int atCall, CancellationTokenSource kill)
    {
        StubChatClient Client(string n, Func<string, string> answer) =>
            n == name ? new StubChatClient(n, answer) { FailFromCall = atCall, Kill = kill } : new StubChatClient(n, answer);
        var clients = new GenerationFixture.Clients(
            Client("gen", GenerationScript.Generator),
            Client("rew", GenerationScript.Rewriter),
            Client("mod-a", GenerationScript.ModeratorA),
            Client("mod-b", GenerationScript.ModeratorB),
            Client("mod-c", GenerationScript.ModeratorC));
        return (clients, clients.Models);
    }

    [Fact]
    public async Task Resuming_a_stage_interrupted_half_way_with_other_options_is_refused_naming_the_journal()
    {
        var directory = _fixture.Dir("run");
        using var kill = new CancellationTokenSource();
        var clients = GenerationFixture.NewClients();
        var killedGenerator = new StubChatClient("gen", GenerationScript.Generator) { FailFromCall = 3, Kill = kill };
        var models = new GenerationModels(new GenerationModel("gen", killedGenerator), clients.Models.Moderators, clients.Models.Rewriter);
        var act = () => new GenerationPipeline(models, GenerationFixture.Options(directory)).RunAsync(null, kill.Token);
        await act.Should().ThrowAsync<OperationCanceledException>();
        File.Exists(Path.Combine(directory, GenerationFiles.SeedsCheckpoint)).Should().BeFalse("the kill came during stage 1");

        var changed = GenerationFixture.NewClients();
        var changedOptions = GenerationFixture.Options(directory, resume: true) with { SeedsPerCategory = 2 };
        act = () => new GenerationPipeline(changed.Models, changedOptions).RunAsync();

        (await act.Should().ThrowAsync<GenerationException>().WithMessage("*different options*original options*delete the journal*"))
            .Which.Path.Should().EndWith(GenerationFiles.CallJournal);
        changed.Generator.Calls.Should().Be(0);

        var same = GenerationFixture.NewClients();
        await new GenerationPipeline(same.Models, GenerationFixture.Options(directory, resume: true)).RunAsync();
        same.Generator.AnsweredPrompts.Should().NotIntersectWith(killedGenerator.AnsweredPrompts, "with the original options the journal is replayed");
        killedGenerator.AnsweredPrompts.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Resuming_with_other_sampling_settings_of_a_model_is_refused()
    {
        var directory = _fixture.Dir("run");
        GenerationModels WithRewriterLimit(GenerationFixture.Clients c, int maxTokens) => new(
            new GenerationModel("gen", c.Generator),
            c.Models.Moderators,
            new GenerationModel("rew", c.Rewriter) { ChatOptions = new Microsoft.Extensions.AI.ChatOptions { MaxOutputTokens = maxTokens } });
        await new GenerationPipeline(WithRewriterLimit(GenerationFixture.NewClients(), 100), GenerationFixture.Options(directory)).RunAsync();

        var act = () => new GenerationPipeline(WithRewriterLimit(GenerationFixture.NewClients(), 400), GenerationFixture.Options(directory, resume: true)).RunAsync();

        (await act.Should().ThrowAsync<GenerationException>().WithMessage("*different parameters*"))
            .Which.Path.Should().EndWith(GenerationFiles.RewritesCheckpoint, "longer rewrites could differ, so the old ones are not reused");
    }

    [Fact]
    public async Task A_checkpoint_with_a_mangled_fingerprint_is_a_typed_error()
    {
        var directory = _fixture.Dir("run");
        await new GenerationPipeline(GenerationFixture.NewClients().Models, GenerationFixture.Options(directory)).RunAsync();
        var path = Path.Combine(directory, GenerationFiles.SeedsCheckpoint);
        var text = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, System.Text.RegularExpressions.Regex.Replace(text, "\"fingerprint\": \"[0-9a-f]+\"", "\"fingerprint\": \"abc\""));

        var act = () => new GenerationPipeline(GenerationFixture.NewClients().Models, GenerationFixture.Options(directory, resume: true)).RunAsync();

        (await act.Should().ThrowAsync<GenerationException>().WithMessage("*different parameters*"))
            .Which.Path.Should().Be(path);
    }

    [Fact]
    public async Task Resuming_a_finished_run_makes_no_call_and_rewrites_the_same_outputs()
    {
        var directory = _fixture.Dir("run");
        var first = await new GenerationPipeline(GenerationFixture.NewClients().Models, GenerationFixture.Options(directory)).RunAsync();
        var csv = await File.ReadAllBytesAsync(first.OverRefusalCsv);

        var clients = GenerationFixture.NewClients();
        var again = await new GenerationPipeline(clients.Models, GenerationFixture.Options(directory, resume: true)).RunAsync();

        (clients.Generator.Calls + clients.Rewriter.Calls + clients.Moderators.Sum(m => m.Calls)).Should().Be(0);
        again.Summary.ResumedStages.Should().Equal(GenerationStage.Seeds, GenerationStage.Rewrites, GenerationStage.Moderation);
        again.Summary.Moderation.Should().BeEquivalentTo(first.Summary.Moderation);
        (await File.ReadAllBytesAsync(again.OverRefusalCsv)).Should().Equal(csv);
    }

    [Fact]
    public async Task A_directory_holding_a_run_is_refused_without_resume()
    {
        var directory = _fixture.Dir("run");
        await new GenerationPipeline(GenerationFixture.NewClients().Models, GenerationFixture.Options(directory)).RunAsync();

        var act = () => new GenerationPipeline(GenerationFixture.NewClients().Models, GenerationFixture.Options(directory)).RunAsync();

        (await act.Should().ThrowAsync<GenerationException>().WithMessage("*already holds a generation run*--resume*"))
            .Which.Path.Should().EndWith(GenerationFiles.SeedsCheckpoint);
    }

    [Fact]
    public async Task Resuming_with_other_parameters_names_the_checkpoint_that_does_not_match()
    {
        var directory = _fixture.Dir("run");
        await new GenerationPipeline(GenerationFixture.NewClients().Models, GenerationFixture.Options(directory)).RunAsync();

        var clients = GenerationFixture.NewClients();
        var changed = GenerationFixture.Options(directory, resume: true) with { RewritesPerSeed = 3 };
        var act = () => new GenerationPipeline(clients.Models, changed).RunAsync();

        (await act.Should().ThrowAsync<GenerationException>().WithMessage("*different parameters*"))
            .Which.Path.Should().EndWith(GenerationFiles.RewritesCheckpoint);
        clients.Generator.Calls.Should().Be(0, "stage 1 still matches and is reused");
        clients.Rewriter.Calls.Should().Be(0, "the mismatch is found before any call");
    }

    [Fact]
    public async Task A_corrupt_checkpoint_is_a_typed_error_naming_the_file()
    {
        var directory = _fixture.Dir("run");
        await new GenerationPipeline(GenerationFixture.NewClients().Models, GenerationFixture.Options(directory)).RunAsync();
        await File.WriteAllTextAsync(Path.Combine(directory, GenerationFiles.SeedsCheckpoint), "{ not json");

        var act = () => new GenerationPipeline(GenerationFixture.NewClients().Models, GenerationFixture.Options(directory, resume: true)).RunAsync();

        (await act.Should().ThrowAsync<GenerationException>().WithMessage("*not valid JSON*"))
            .Which.Path.Should().EndWith(GenerationFiles.SeedsCheckpoint);
    }

    [Fact]
    public async Task Response_cache_makes_a_repeated_run_free()
    {
        IDistributedCache cache = new MemoryDistributedCache(Microsoft.Extensions.Options.Options.Create(new MemoryDistributedCacheOptions()));
        // One shared cache for five models: each is scoped by its name, or the three moderators (same prompt, same
        // options) would share whichever answer was cached first.
        IChatClient Scoped(StubChatClient client) =>
            client.AsBuilder().UseDistributedCache(cache, c => c.CacheKeyAdditionalValues = [client.Name!]).Build();
        GenerationModels Cached(GenerationFixture.Clients c) => new(
            new GenerationModel("gen", Scoped(c.Generator)),
            [new GenerationModel("mod-a", Scoped(c.A)), new GenerationModel("mod-b", Scoped(c.B)), new GenerationModel("mod-c", Scoped(c.C))],
            new GenerationModel("rew", Scoped(c.Rewriter)));

        var first = GenerationFixture.NewClients();
        var a = await new GenerationPipeline(Cached(first), GenerationFixture.Options(_fixture.Dir("a"))).RunAsync();
        var second = GenerationFixture.NewClients();
        var b = await new GenerationPipeline(Cached(second), GenerationFixture.Options(_fixture.Dir("b"))).RunAsync();

        first.Generator.Calls.Should().Be(6, "each batch is a distinct request, so the cache does not collapse batches");
        (second.Generator.Calls + second.Rewriter.Calls + second.Moderators.Sum(m => m.Calls)).Should().Be(0);
        first.Moderators.Should().OnlyContain(m => m.Calls == 7, "scoped keys keep the moderators apart");
        (await File.ReadAllBytesAsync(b.ProvenanceJsonl)).Should().Equal(await File.ReadAllBytesAsync(a.ProvenanceJsonl));
    }
}
