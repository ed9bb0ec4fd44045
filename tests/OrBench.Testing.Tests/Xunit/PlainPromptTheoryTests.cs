using FluentAssertions;
using OrBench.Testing.Data;
using OrBench.Testing.Xunit;
using Xunit;

namespace OrBench.Testing.Tests.Xunit;

/// <summary>A theory taking <see cref="OrBenchPrompt"/> directly still receives every prompt (xUnit runs them inside one discovered case).</summary>
public class PlainPromptTheoryTests
{
    [Theory]
    [OrBenchMemberData(nameof(DataAttributeTests.Three), MemberType = typeof(DataAttributeTests))]
    public void Plain_prompt_parameter_still_runs(OrBenchPrompt prompt) =>
        prompt.Id.Should().BeOneOf("c-1", "c-2", "c-3");
}
