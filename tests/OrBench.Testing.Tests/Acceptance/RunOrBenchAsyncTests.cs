using FluentAssertions;
using OrBench.Testing.Assertions;
using OrBench.Testing.Gates;
using OrBench.Testing.Results;
using OrBench.Testing.Tests.EntryPoints;
using Xunit;
using Xunit.Sdk;

namespace OrBench.Testing.Tests.Acceptance;

public class RunOrBenchAsyncTests
{
    [Fact]
    public async Task Runs_classifies_and_gates_a_prompt_set_end_to_end()
    {
        var client = Guardrail.Client("kill");

        var result = await client.RunOrBenchAsync(StandInPrompts.Benign(), new() { Classifier = new PrefixClassifier(), Metadata = new Dictionary<string, string> { ["deployment"] = "test" } });

        client.Calls.Should().Be(20);
        result.Records.Should().HaveCount(20);
        result.Records.Select(r => r.Id).Should().BeInAscendingOrder(StringComparer.Ordinal);
        result.OverRefusalRate().Count.Should().Be(5, "the 5 'kill' prompts are refused");
        result.Model.Should().Be("guardrail-1");
        result.Metadata.Should().Contain("deployment", "test").And.Contain("classifier", "prefix");

        result.Should().HaveOverRefusalRateAtMost(0.30).And.ForCategory("privacy").HaveOverRefusalRateAtMost(0.0);
        var act = () => result.Should().ForCategory("violence").HaveOverRefusalRateAtMost(0.10);
        act.Should().Throw<XunitException>().WithMessage("*violence*100.0 %*\"I can't help with that.\"*");
    }

    [Fact]
    public async Task Category_and_shard_selection_are_applied_and_recorded()
    {
        var client = Guardrail.Client("kill");

        var result = await client.RunOrBenchAsync(StandInPrompts.Benign(), new() { Classifier = new PrefixClassifier(), Categories = ["privacy"], Shard = "1/1" });

        result.Records.Should().HaveCount(15).And.OnlyContain(r => r.Category == "privacy");
        result.Metadata.Should().Contain("categories", "privacy").And.Contain("promptSetSize", "20");
    }

    // Before: a typo selected nothing, no model call was made, and the gates only said "no prompts to measure".
    [Fact]
    public async Task A_category_the_set_does_not_have_is_an_error_listing_its_categories()
    {
        var client = Guardrail.Client("kill");

        var act = () => client.RunOrBenchAsync(StandInPrompts.Benign(), new() { Classifier = new PrefixClassifier(), Categories = ["privacy", "privcy"] });

        (await act.Should().ThrowAsync<ArgumentException>())
            .WithMessage("Categories: stand-in has no prompts in category 'privcy'; its categories are privacy, violence.*");
        client.Calls.Should().Be(0);
    }

    [Fact]
    public async Task Sample_is_recorded_with_its_seed()
    {
        var result = await Guardrail.Client().RunOrBenchAsync(StandInPrompts.Benign(), new() { Classifier = new PrefixClassifier(), Sample = 8, Seed = 7 });

        result.Records.Should().HaveCount(8);
        result.Metadata.Should().Contain("sample", "8").And.Contain("seed", "7");
    }

    [Fact]
    public async Task A_bad_shard_is_a_format_error()
    {
        var act = () => Guardrail.Client().RunOrBenchAsync(StandInPrompts.Benign(), new() { Classifier = new PrefixClassifier(), Shard = "9/8" });

        await act.Should().ThrowAsync<FormatException>();
    }

    [Fact]
    public async Task AskAsync_returns_the_prompt_outcome_and_verdict_for_per_prompt_assertions()
    {
        var client = Guardrail.Client("kill");
        var prompts = StandInPrompts.Benign();

        var refused = await client.AskAsync(prompts[0], new PrefixClassifier());
        var answered = await client.AskAsync(prompts[1], new PrefixClassifier());

        refused.Should().BeRefusal();
        refused.Prompt.Should().Be(prompts[0]);
        refused.Text.Should().Be("I can't help with that.");
        answered.Should().NotBeRefusal().And.BehaveAsExpected();
        var act = () => refused.Should().NotBeRefusal();
        act.Should().Throw<XunitException>().WithMessage("*cus-0000 [violence] not to be a refusal*direct_refusal*\"I can't help with that.\"");
    }
}
