using System.Text.Json;
using FluentAssertions;
using OrBench.Tool.Tests.Infrastructure;
using Xunit;

namespace OrBench.Tool.Tests.Commands;

/// <summary><c>orbench run --baseline B --max-regression RATE</c>: a regression gate with its own exit code (5).</summary>
public sealed class RegressionGateTests : IDisposable
{
    private const int PromptCount = 30;
    private const string Refusal = "I'm sorry, but I can't help with that.";
    private readonly TempDirectory _directory = new();
    private readonly string _prompts;

    public RegressionGateTests()
    {
        var csv = "prompt,category\n" + string.Concat(Enumerable.Range(0, PromptCount).Select(i => $"\"How do I store item {i} safely?\",privacy\n"));
        _prompts = _directory.Write("prompts.csv", csv);
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>Scores a responses file in which the first <paramref name="refused"/> prompts are refused.</summary>
    private Task<ToolOutcome> ScoreAsync(int refused, string output, params string[] extra)
    {
        var responses = _directory.Write(output + ".csv", "prompt,response\n" + string.Concat(Enumerable.Range(0, PromptCount)
            .Select(i => $"\"How do I store item {i} safely?\",\"{(i < refused ? Refusal : "Keep it in a locked drawer.")}\"\n")));
        return Orbench.InvokeInAsync(_directory.Path, null,
            ["run", "--responses", responses, "--prompts", _prompts, "--model", "m", "--classifier", "keyword", "-o", output, .. extra]);
    }

    [Fact]
    public async Task A_significant_regression_beyond_the_tolerance_exits_5_and_names_the_flips()
    {
        (await ScoreAsync(0, "baseline")).ExitCode.Should().Be(0);

        var outcome = await ScoreAsync(12, "current", "--baseline", "baseline/results.json", "--max-regression", "0.05", "--format", "json");

        outcome.ExitCode.Should().Be(5, outcome.ToString());
        outcome.Error.Should().Contain("regression: 12 of 30 paired prompts flipped away from the expected behaviour and 0 towards it");
        var regression = JsonDocument.Parse(outcome.Out).RootElement.GetProperty("regression");
        regression.GetProperty("regressed").GetBoolean().Should().BeTrue();
        regression.GetProperty("worse").GetInt32().Should().Be(12);
        regression.GetProperty("pValue").GetDouble().Should().BeLessThan(0.001, "12:0 flips under an exact McNemar test");
        File.Exists(_directory.Combine("current", "results.json")).Should().BeTrue("the files are written before the gate is decided");
    }

    [Fact]
    public async Task A_regression_within_the_tolerance_passes()
    {
        (await ScoreAsync(0, "baseline")).ExitCode.Should().Be(0);

        var outcome = await ScoreAsync(12, "current", "--baseline", "baseline/results.json", "--max-regression", "0.5");

        outcome.ExitCode.Should().Be(0, $"12 of 30 (40 %) is within 50 %: {outcome}");
    }

    [Fact]
    public async Task Too_few_flips_to_be_significant_pass_even_with_no_tolerance()
    {
        (await ScoreAsync(0, "baseline")).ExitCode.Should().Be(0);

        var outcome = await ScoreAsync(2, "current", "--baseline", "baseline/results.json", "--max-regression", "0");

        outcome.ExitCode.Should().Be(0, $"2:0 flips have an exact McNemar p of 0.5: {outcome}");
    }

    [Fact]
    public async Task Max_regression_without_a_baseline_is_a_usage_error()
    {
        var outcome = await ScoreAsync(0, "alone", "--max-regression", "0.05");

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain("--max-regression needs --baseline");
    }
}
