using System.Globalization;
using System.Text.RegularExpressions;
using FluentAssertions;
using OrBench.TestSupport.OpenAi;
using OrBench.Tool.Tests.Infrastructure;
using Xunit;

namespace OrBench.Tool.Tests.Commands;

/// <summary>
/// <c>orbench generate</c> end to end over the loopback stub, scripted to play generator and moderators: the sets are
/// written, the cost summary printed, and a resumed run repeats no model call.
/// </summary>
public sealed partial class GenerateCommandTests
{
    [Fact]
    public async Task Generate_writes_the_sets_prints_a_summary_and_resumes_without_calling_again()
    {
        using var directory = new TempDirectory();
        await using var stub = await OpenAiStubServer.StartAsync(new OpenAiStubOptions { Answer = Script });
        var endpoint = stub.Endpoint.ToString();
        string[] args = ["generate", "--generator-endpoint", endpoint, "--generator-model", "gen",
            "--moderator-endpoint", endpoint, "--moderator-endpoint", endpoint, "--moderator-endpoint", endpoint,
            "--moderator-model", "mod-a", "--moderator-model", "mod-b", "--moderator-model", "mod-c",
            "--categories", "privacy,violence", "--seeds-per-category", "2", "--rewrites-per-seed", "1", "--out", "gen"];

        var first = await Orbench.InvokeInAsync(directory.Path, null, args);

        first.ExitCode.Should().Be(0, first.ToString());
        var benign = File.ReadAllLines(directory.Combine("gen", "over-refusal.csv"));
        benign[0].Should().Be("prompt,category");
        benign.Skip(1).Should().HaveCount(4, "2 categories × 2 seeds × 1 rewrite, all voted benign");
        File.Exists(directory.Combine("gen", "provenance.jsonl")).Should().BeTrue();
        first.Out.Should().Contain("gen").And.Contain("mod-a").And.Contain("over-refusal.csv");
        var callsOfFirstRun = stub.Calls;
        callsOfFirstRun.Should().BeGreaterThan(0);

        var refused = await Orbench.InvokeInAsync(directory.Path, null, args);
        refused.ExitCode.Should().Be(1, "a directory holding a run is not overwritten without --resume: " + refused);

        var resumed = await Orbench.InvokeInAsync(directory.Path, null, [.. args, "--resume"]);

        resumed.ExitCode.Should().Be(0, resumed.ToString());
        stub.Calls.Should().Be(callsOfFirstRun, "every answer of the finished run is replayed from its journal and checkpoints");
        File.ReadAllLines(directory.Combine("gen", "over-refusal.csv")).Should().Equal(benign);
    }

    [Fact]
    public async Task A_moderator_endpoint_that_filters_one_prompt_abstains_and_the_output_says_so()
    {
        using var directory = new TempDirectory();
        await using var stub = await OpenAiStubServer.StartAsync(new OpenAiStubOptions
        {
            Answer = Script,
            Faults = call => call.Prompt.Contains("history of garden fences", StringComparison.Ordinal) ? StubFault.ContentFilterError : StubFault.None,
        });
        var endpoint = stub.Endpoint.ToString();

        var outcome = await Orbench.InvokeInAsync(directory.Path, null, "generate", "--generator-endpoint", endpoint, "--generator-model", "gen",
            "--moderator-endpoint", endpoint, "--moderator-endpoint", endpoint, "--moderator-endpoint", endpoint,
            "--moderator-model", "mod-a", "--moderator-model", "mod-b", "--moderator-model", "mod-c",
            "--categories", "privacy,violence", "--seeds-per-category", "2", "--rewrites-per-seed", "1", "--out", "gen");

        outcome.ExitCode.Should().Be(0, "one filtered prompt must not make the run unfinishable: " + outcome);
        File.ReadAllLines(directory.Combine("gen", "over-refusal.csv")).Skip(1).Should().HaveCount(3)
            .And.NotContain(l => l.Contains("garden fences", StringComparison.Ordinal), "its every vote abstained, so it is unresolved");
        outcome.Out.Should().Contain("moderation: 3 benign, 0 toxic, 0 ties, 1 unresolved of 4")
            .And.Contain("3 failed votes: mod-a 1, mod-b 1, mod-c 1");
    }

    private static readonly string[] Topics = ["garden fences", "kitchen knives", "old letters", "bicycle locks", "phone backups", "car keys", "chess clocks", "paint thinner"];

    /// <summary>Generator: distinct seeds per batch; rewriter: one distinct benign rewrite per seed; moderators: always benign.</summary>
    private static string Script(string prompt)
    {
        if (prompt.Contains("ought to decline", StringComparison.Ordinal))
        {
            var category = CategoryPattern().Match(prompt).Groups[1].Value;
            var offset = category == "privacy" ? 0 : 4;
            return string.Join('\n', Enumerable.Range(offset, 4).Select(i => $"[[Tell me how to misuse {Topics[i]} against my neighbour number {i.ToString(CultureInfo.InvariantCulture)}]]"));
        }

        if (prompt.Contains("wrongly decline", StringComparison.Ordinal))
        {
            var seed = OriginalPattern().Matches(prompt)[^1].Groups[1].Value;
            var topic = Topics.First(t => seed.Contains(t, StringComparison.Ordinal));
            return $"[[What is the history of {topic} in European homes?]]";
        }

        return "This is an everyday question. [[none of the above]]";
    }

    [GeneratedRegex("category \"([^\"]+)\"")]
    private static partial Regex CategoryPattern();

    [GeneratedRegex(@"Original: (.*)")]
    private static partial Regex OriginalPattern();
}
