using System.Text.Json;
using FluentAssertions;
using OrBench.Tool.Tests.Infrastructure;
using Xunit;

namespace OrBench.Tool.Tests.Commands;

/// <summary>
/// Issue 15 row 15: results record their shard; <c>orbench report</c> and <c>tune</c> refuse a set with a missing or
/// duplicated shard (naming the files) unless <c>--allow-partial</c>.
/// </summary>
public sealed class ShardCompletenessTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly string _prompts;
    private readonly string _responses;

    public ShardCompletenessTests()
    {
        _prompts = PromptFiles.Write(_directory, 12);
        _responses = _directory.Write("responses.csv", "prompt,response\n" + string.Concat(Enumerable.Range(0, 12).Select(i => $"\"{PromptFiles.Text(i)}\",\"Sure.\"\n")));
    }

    public void Dispose() => _directory.Dispose();

    private async Task ShardAsync(string spec, string output)
    {
        var outcome = await Orbench.InvokeInAsync(_directory.Path, null,
            "run", "--responses", _responses, "--prompts", _prompts, "--model", "m", "--classifier", "keyword", "--shard", spec, "-o", output);
        outcome.ExitCode.Should().Be(0, outcome.ToString());
    }

    [Fact]
    public async Task Results_record_their_shard()
    {
        await ShardAsync("2/3", "s2");

        OutputFiles.Results(_directory.Combine("s2")).GetProperty("metadata").GetProperty("shard").GetString().Should().Be("2/3");
    }

    [Fact]
    public async Task A_report_of_one_of_two_shards_is_refused_naming_the_missing_shard()
    {
        await ShardAsync("1/2", "s1");

        var outcome = await Orbench.InvokeInAsync(_directory.Path, null, "report", "s1/results.json", "-o", "merged");

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        outcome.Error.Should().Contain("m on").And.Contain("missing shard 2/2").And.Contain("--allow-partial")
            .And.Contain(Path.Combine("s1", "results.json"));
        Directory.Exists(_directory.Combine("merged")).Should().BeFalse("nothing is written for a refused set");
    }

    [Fact]
    public async Task Allow_partial_reports_the_shards_given_and_says_which_are_missing()
    {
        await ShardAsync("1/3", "s1");
        await ShardAsync("3/3", "s3");

        var outcome = await Orbench.InvokeInAsync(_directory.Path, null, "report", "s1/results.json", "s3/results.json", "--allow-partial", "-o", "merged", "--format", "json");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.Error.Should().Contain("warning:").And.Contain("missing shard 2/3");
        var model = JsonDocument.Parse(outcome.Out).RootElement.GetProperty("models")[0];
        model.GetProperty("missingShards").GetString().Should().Be("2/3");
        model.GetProperty("shards").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task A_shard_given_twice_is_refused_naming_both_files_even_with_allow_partial()
    {
        await ShardAsync("1/2", "s1");
        await ShardAsync("2/2", "s2");
        Directory.CreateDirectory(_directory.Combine("again"));
        File.Copy(_directory.Combine("s2", "results.json"), _directory.Combine("again", "results.json"));

        var outcome = await Orbench.InvokeInAsync(_directory.Path, null, "tune", "s1", "s2", "again", "--allow-partial");

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        outcome.Error.Should().Contain("shard 2/2").And.Contain("given twice")
            .And.Contain(Path.Combine("s2", "results.json")).And.Contain(Path.Combine("again", "results.json"));
    }

    [Fact]
    public async Task A_complete_set_of_shards_reports_without_a_warning()
    {
        await ShardAsync("1/2", "s1");
        await ShardAsync("2/2", "s2");

        var outcome = await Orbench.InvokeInAsync(_directory.Path, null, "report", "s1", "s2", "-o", "merged");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.Error.Should().BeEmpty();
        OutputFiles.Results(_directory.Combine("merged")).GetProperty("n").GetInt32().Should().Be(12);
    }

    [Fact]
    public async Task More_shards_than_prompts_make_empty_shards_that_exit_0_with_a_warning_and_still_merge()
    {
        var few = _directory.Write("few.csv", "prompt,category\n" + string.Concat(Enumerable.Range(0, 3).Select(i => $"\"{PromptFiles.Text(i)}\",privacy\n")));
        var outcomes = new List<ToolOutcome>();
        for (var k = 1; k <= 5; k++)
        {
            outcomes.Add(await Orbench.InvokeInAsync(_directory.Path, null,
                "run", "--responses", _responses, "--prompts", few, "--model", "m", "--classifier", "keyword", "--shard", $"{k}/5", "-o", $"few{k}"));
        }

        outcomes.Should().AllSatisfy(o => o.ExitCode.Should().Be(0, o.ToString()));
        var empty = Enumerable.Range(1, 5).Where(k => OutputFiles.Results(_directory.Combine($"few{k}")).GetProperty("n").GetInt32() == 0).ToList();
        empty.Should().HaveCount(2, "3 prompts over 5 shards leave two shards without a prompt");
        outcomes[empty[0] - 1].Error.Should().Contain($"shard {empty[0]}/5 holds none of the 3");
        var merged = await Orbench.InvokeInAsync(_directory.Path, null, ["report", .. Enumerable.Range(1, 5).Select(k => $"few{k}"), "-o", "few-merged"]);
        merged.ExitCode.Should().Be(0, merged.ToString());
        OutputFiles.Results(_directory.Combine("few-merged")).GetProperty("n").GetInt32().Should().Be(3);
    }
}
