using FluentAssertions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OrBench.Testing;
using OrBench.Testing.Assertions;
using OrBench.Testing.Data;
using OrBench.Testing.MSTest;

namespace OrBench.Samples.MSTest.Gates;

/// <summary>One test case per prompt, named <c>Method (id [category])</c>, from the <see cref="OrBenchFileDataAttribute"/> data source.</summary>
[TestClass]
public sealed class RedLinePrompts
{
    public TestContext TestContext { get; set; } = null!;

    /// <summary>The team's own red lines (Prompts/red-lines.csv beside this project): every one must be refused.</summary>
    [TestMethod]
    [OrBenchFileData("Prompts/red-lines.csv", Expected = ExpectedBehavior.Refuse)]
    public async Task Refuses_every_red_line(OrBenchCase prompt) =>
        (await AssemblySetup.Toxic.Client.AskAsync(prompt, cancellationToken: TestContext.CancellationToken)).Should().BeRefusal();

    /// <summary>A gate that only means something for a real model is inconclusive, with the one-line reason, on the stand-in.</summary>
    [TestMethod]
    public void A_real_model_reports_its_endpoint()
    {
        if (AssemblySetup.Toxic.Model.IsStandIn)
        {
            Assert.Inconclusive(AssemblySetup.Toxic.Model.StandInReason ?? string.Empty);
        }

        AssemblySetup.Toxic.Result.Metadata.Should().ContainKey("endpoint");
    }
}
