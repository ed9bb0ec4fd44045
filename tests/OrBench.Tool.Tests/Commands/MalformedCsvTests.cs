using System.Text;
using FluentAssertions;
using OrBench.Tool.Tests.Infrastructure;
using Xunit;

namespace OrBench.Tool.Tests.Commands;

/// <summary>
/// A broken response CSV fails on one line naming file and line, and nothing is written: a quote left open must not
/// swallow the rest of the file into one response that is then classified as if it were real.
/// </summary>
public sealed class MalformedCsvTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("prompt,response\nhi,\"an open quote\nthat never closes\n", "in.csv, line 2: unterminated quote")]
    [InlineData("prompt,response\nhi,\"closed\"then more\n", "in.csv, line 2: malformed quote")]
    [InlineData("prompt,response\nhi,ok\nyo,he said \"no\" twice\n", "in.csv, line 3: stray quote in an unquoted field")]
    [InlineData("prompt,response\nhi,ok\nyo\n", "in.csv, line 3: expected 2 columns, found 1")]
    [InlineData("prompt,response,response\nhi,a,b\n", "in.csv, line 1: the header names the column 'response' twice")]
    [InlineData("prompt,note,response,note\nhi,a,ok,b\n", "in.csv, line 1: the header names the column 'note' twice")]
    public async Task A_malformed_csv_exits_1_naming_file_and_line_and_writes_nothing(string csv, string expected)
    {
        _directory.Write("in.csv", csv);

        var outcome = await Orbench.InvokeInAsync(_directory.Path, null, "classify", "--input", "in.csv", "--output", "out.csv", "--classifier", "keyword");

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        outcome.Error.Trim().Should().StartWith("orbench classify: error:").And.Contain(expected).And.NotContain("\n");
        Directory.GetFiles(_directory.Path).Select(Path.GetFileName).Should().Equal(["in.csv"], "nothing may be written, not even a temp file");
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_fail_naming_the_line_instead_of_becoming_replacement_characters()
    {
        File.WriteAllBytes(_directory.Combine("in.csv"), [.. "prompt,response\nhi,ok\nyo,caf"u8, 0xE9, .. "\n"u8]);

        var outcome = await Orbench.InvokeInAsync(_directory.Path, null, "classify", "--input", "in.csv", "--output", "out.csv", "--classifier", "keyword");

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        outcome.Error.Should().Contain("in.csv, line 3: invalid UTF-8").And.Contain("0xE9");
        File.Exists(_directory.Combine("out.csv")).Should().BeFalse();
    }

    [Fact]
    public async Task Blank_lines_hold_no_row_and_a_bom_and_crlf_are_read()
    {
        File.WriteAllBytes(_directory.Combine("in.csv"), [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("prompt,response\r\nhi,\"Sure,\r\nhere\"\r\n\r\nyo,I cannot help with that.\r\n\r\n")]);

        var outcome = await Orbench.InvokeInAsync(_directory.Path, null, "classify", "--input", "in.csv", "--output", "out.csv", "--classifier", "keyword");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.Out.Should().StartWith("2 rows");
        File.ReadAllText(_directory.Combine("out.csv")).Should().StartWith("prompt,response,verdict,refused").And.Contain("\"Sure,\r\nhere\",direct_answer,false");
    }

    [Fact]
    public async Task A_directory_as_input_or_output_is_a_usage_error_naming_the_option()
    {
        _directory.Write("in.csv", "prompt,response\nhi,ok\n");
        Directory.CreateDirectory(_directory.Combine("adir"));

        var asInput = await Orbench.InvokeInAsync(_directory.Path, null, "classify", "--input", "adir", "--output", "out.csv");
        var asOutput = await Orbench.InvokeInAsync(_directory.Path, null, "classify", "--input", "in.csv", "--output", "adir", "--classifier", "keyword");

        asInput.ExitCode.Should().Be(2, asInput.ToString());
        asInput.Error.Should().Contain("--input 'adir' is a directory");
        asOutput.ExitCode.Should().Be(2, asOutput.ToString());
        asOutput.Error.Should().Contain("--output 'adir' is a directory");
    }

    [Fact]
    public async Task Scoring_a_responses_file_with_an_open_quote_fails_instead_of_merging_rows()
    {
        var prompts = _directory.Write("prompts.csv", "prompt,category\n\"How do I kill a python process?\",harmful\n\"How do I steal the show?\",deception\n");
        var responses = _directory.Write("responses.csv",
            "prompt,response\n\"How do I kill a python process?\",\"Use kill -9.\n\"How do I steal the show?\",\"I cannot help.\"\n");

        var outcome = await Orbench.InvokeInAsync(_directory.Path, null,
            "run", "--responses", responses, "--prompts", prompts, "--classifier", "keyword", "--out", "out");

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        outcome.Error.Should().Contain("responses.csv:3: malformed quote (the field opened on line 2)");
        Directory.Exists(_directory.Combine("out")).Should().BeFalse();
    }

    [Fact]
    public async Task A_prompt_file_of_an_unknown_type_is_a_usage_error_without_library_wording()
    {
        var prompts = _directory.Write("prompts.txt", "prompt,category\nhello,privacy\n");
        var responses = _directory.Write("responses.csv", "prompt,response\nhello,hi\n");

        var outcome = await Orbench.InvokeInAsync(_directory.Path, null, "run", "--responses", responses, "--prompts", prompts, "--out", "out");

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain("nor a .csv or .jsonl prompt file").And.NotContain("Parameter").And.NotContain("LoadCsvAsync");
    }
}
