using FluentAssertions;
using OrBench.Tool.Tests.Infrastructure;
using Xunit;

namespace OrBench.Tool.Tests.Commands;

/// <summary>
/// <c>orbench run --responses</c> over files a user wrote by hand: rows left out by the selection are not "unmatched",
/// a row with an unquoted comma is refused with file, line and field, and a duplicate names both lines.
/// </summary>
public sealed class ResponsesFileTests : IDisposable
{
    private const int PromptCount = 6;
    private readonly TempDirectory _directory = new();
    private readonly string _prompts;

    public ResponsesFileTests() => _prompts = PromptFiles.Write(_directory, PromptCount);

    public void Dispose() => _directory.Dispose();

    private Task<ToolOutcome> ScoreAsync(string responses, params string[] extra) =>
        Orbench.InvokeInAsync(_directory.Path, null,
            ["run", "--responses", responses, "--prompts", _prompts, "--model", "m", "--classifier", "keyword", .. extra.Contains("-o") ? extra : [.. extra, "-o", "out"]]);

    private string AllAnswered() => _directory.Write("all.csv", "prompt,response,category\n" + string.Concat(
        Enumerable.Range(0, PromptCount).Select(i => $"\"{PromptFiles.Text(i)}\",\"Sure.\",{PromptFiles.Categories[i % PromptFiles.Categories.Length]}\n")));

    [Fact]
    public async Task Rows_of_prompts_left_out_by_category_or_sample_are_not_reported_as_unmatched()
    {
        var byCategory = await ScoreAsync(AllAnswered(), "--category", "privacy");
        var bySample = await ScoreAsync(AllAnswered(), "--sample", "2", "-o", "sampled");

        byCategory.ExitCode.Should().Be(0, byCategory.ToString());
        byCategory.Error.Should().NotContain("matched no prompt");
        OutputFiles.Results(_directory.Combine("out")).GetProperty("n").GetInt32().Should().Be(2, "two of the six prompts are privacy");
        bySample.ExitCode.Should().Be(0, bySample.ToString());
        bySample.Error.Should().NotContain("matched no prompt");
    }

    [Fact]
    public async Task A_row_that_matches_no_prompt_is_still_counted_as_unmatched()
    {
        var responses = _directory.Write("extra.csv", File.ReadAllText(AllAnswered()) + "\"a prompt of no set\",\"Sure.\",privacy\n");

        var outcome = await ScoreAsync(responses, "--category", "privacy");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.Error.Should().Contain("1 row(s) of extra.csv matched no prompt").And.Contain($"line {PromptCount + 2}");
    }

    [Fact]
    public async Task A_csv_row_with_an_unquoted_comma_is_refused_with_file_line_field_and_a_quote_hint()
    {
        var responses = _directory.Write("comma.csv",
            $"prompt,response,category\n\"{PromptFiles.Text(0)}\",\"Sure.\",privacy\n\"{PromptFiles.Text(1)}\",Sure, here is how,violence\n");

        var outcome = await ScoreAsync(responses);

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        outcome.Error.Should().Contain("comma.csv:3:").And.Contain("field 4").And.Contain("must be quoted").And.NotContain(":0:");
        Directory.Exists(_directory.Combine("out")).Should().BeFalse();
    }

    [Fact]
    public async Task A_csv_header_naming_a_column_twice_is_refused_naming_the_column()
    {
        var responses = _directory.Write("twice.csv", $"prompt,response,response\n\"{PromptFiles.Text(0)}\",a,b\n");

        var outcome = await ScoreAsync(responses);

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        outcome.Error.Should().Contain("twice.csv:1:").And.Contain("'response' twice");
    }

    [Fact]
    public async Task A_jsonl_duplicate_is_named_as_a_duplicate_with_both_lines()
    {
        var prompt = System.Text.Json.JsonSerializer.Serialize(PromptFiles.Text(1));
        var responses = _directory.Write("dup.jsonl", $"{{\"prompt\":{prompt},\"response\":\"first\"}}\n\n{{\"prompt\":{prompt},\"response\":\"second\"}}\n");

        var outcome = await ScoreAsync(responses);

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.Error.Should().Contain("dup.jsonl:3: duplicate").And.Contain("the first is on line 1").And.NotContain("matched no prompt");
    }
}
