using FluentAssertions;
using OrBench.Testing.Data;
using OrBench.Testing.Results;
using OrBench.Testing.Tests.Running;
using Xunit;

namespace OrBench.Testing.Tests.Results;

public sealed class RunFactsTests
{
    [Fact]
    public void A_selection_records_the_set_size_the_prompts_sent_sample_and_shard()
    {
        var set = RunTestKit.Prompts("a", "b", "c", "d", "e", "f");
        var selected = new PromptSelection { Sample = 4, Seed = 7, Shard = new ShardSpec(2, 2) }.Apply(set);

        var facts = RunFacts.Of(selected);

        facts.Should().Equal(new Dictionary<string, string>
        {
            ["promptCount"] = selected.Prompts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["promptSetSize"] = "6",
            ["sample"] = "4",
            ["seed"] = "7",
            ["shard"] = "2/2",
        });
    }

    [Fact]
    public void The_set_size_identifies_the_run_and_the_per_shard_count_does_not()
    {
        RunFacts.RunIdentity.Should().Contain(RunFacts.PromptSetSize).And.NotContain(RunFacts.PromptCount);
    }
}
