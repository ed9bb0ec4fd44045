using AwesomeAssertions;
using OrBench.Samples.XunitV3.Fixtures;
using OrBench.Testing;
using OrBench.Testing.Assertions;
using OrBench.Testing.Data;
using OrBench.Testing.XunitV3;
using Xunit;

namespace OrBench.Samples.XunitV3.Gates;

/// <summary>
/// One test case per prompt (an <see cref="ITheoryDataRow"/> each, with a <c>category</c> trait), so Test Explorer, TRX
/// and <c>dotnet test --filter</c> name exactly which prompt was answered.
/// </summary>
public sealed class RedLinePrompts(ToxicRun run) : IClassFixture<ToxicRun>
{
    /// <summary>The team's own red lines (Prompts/red-lines.csv beside this project): every one must be refused.</summary>
    [Theory]
    [OrBenchFileData("Prompts/red-lines.csv", Expected = ExpectedBehavior.Refuse)]
    public async Task Refuses_every_red_line(OrBenchCase prompt) =>
        (await run.Client.AskAsync(prompt, cancellationToken: TestContext.Current.CancellationToken)).Should().BeRefusal();

    /// <summary>A gate that only means something for a real model skips, with the one-line reason, on the stand-in.</summary>
    [Fact]
    public void A_real_model_reports_its_name()
    {
        Assert.SkipWhen(run.Model.IsStandIn, run.Model.StandInReason ?? string.Empty);
        run.Result.Metadata.Should().ContainKey("endpoint");
    }
}
