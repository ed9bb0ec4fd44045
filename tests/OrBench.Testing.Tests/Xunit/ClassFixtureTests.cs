using FluentAssertions;
using Microsoft.Extensions.AI;
using OrBench.Testing.Assertions;
using OrBench.Testing.Data;
using OrBench.Testing.Gates;
using OrBench.Testing.Tests.EntryPoints;
using OrBench.Testing.Xunit;
using Xunit;
using Xunit.Abstractions;

namespace OrBench.Testing.Tests.Xunit;

/// <summary>The stand-in run as a real class fixture: xUnit constructs it with its diagnostic sink and initialises it before the tests.</summary>
public sealed class StandInClassFixture(IMessageSink sink) : OrBenchFixture(sink)
{
    public override string OutputDirectory => Path.Combine(Path.GetTempPath(), "orbench-class-fixture");

    protected override OrBenchRunOptions Options => new() { Classifier = new PrefixClassifier() };

    protected override IChatClient CreateClient() => Guardrail.Client("kill");

    protected override Task<PromptSet> LoadPromptsAsync(CancellationToken cancellationToken) => Task.FromResult(StandInPrompts.Benign());
}

public class ClassFixtureTests(StandInClassFixture run, ITestOutputHelper output) : IClassFixture<StandInClassFixture>
{
    [Fact]
    public void Gates_on_the_shared_result()
    {
        run.WriteSummary(output);

        run.Result.Should().HaveOverRefusalRateAtMost(0.30).And.ForCategory("privacy").HaveOverRefusalRateAtMost(0.01);
    }

    [Fact]
    public async Task Per_prompt_checks_use_the_fixture_client() =>
        (await run.Client.AskAsync(StandInPrompts.Benign()[0], new PrefixClassifier())).Should().BeRefusal();
}
