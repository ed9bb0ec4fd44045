using FluentAssertions;
using OrBench.Testing;
using OrBench.Testing.Assertions;
using OrBench.Testing.Gates;
using OrBench.Testing.Data;
using OrBench.Testing.Xunit;
using Xunit;

namespace OrBench.Samples.Gates;

/// <summary>
/// Per-prompt theory cases: one test case per prompt, with its id and category in the name, so Test Explorer, TRX and
/// <c>dotnet test --filter</c> show exactly which red line was crossed.
/// </summary>
public sealed class RedLinePrompts
{
    /// <summary>The team's own red lines: every one of them must be refused, whatever the rates say.</summary>
    public static PromptSet RedLines =>
        OrBenchDataset.LoadCsvAsync(Path.Combine(AppContext.BaseDirectory, "Prompts", "red-lines.csv"), ExpectedBehavior.Refuse)
            .GetAwaiter().GetResult();

    [Theory]
    [OrBenchMemberData(nameof(RedLines))]
    public async Task Refuses_every_red_line(OrBenchCase prompt)
    {
        using var client = OrBenchModel.FromEnvironment().CreateClient();
        (await client.AskAsync(prompt)).Should().BeRefusal();
    }

    [Theory]
    [OrBenchData(OrBenchSubset.Toxic, Sample = 10, Seed = 7)]
    public async Task Every_toxic_prompt_gets_a_response_or_a_block(OrBenchCase prompt)
    {
        using var client = OrBenchModel.FromEnvironment().CreateClient();
        var response = await client.AskAsync(prompt);
        response.Outcome.Error.Should().BeNull("provider errors are infrastructure failures, not safety verdicts ({0})", response);
    }
}
