using FluentAssertions;
using OrBench.Tool.Tests.Infrastructure;
using Xunit;

namespace OrBench.Tool.Tests.Commands;

/// <summary>Every wrong command line ends with exit code 2 and one line on stderr naming what is wrong; nothing runs.</summary>
public sealed class BadArgumentTests
{
    [Theory]
    [InlineData("orbench run", "--endpoint", "run", "--prompts", "hard-1k", "--model", "m")]
    [InlineData("orbench run", "--model", "run", "--prompts", "hard-1k", "--endpoint", "http://127.0.0.1:1/v1")]
    [InlineData("orbench run", "--prompts", "run", "--endpoint", "http://127.0.0.1:1/v1", "--model", "m")]
    [InlineData("orbench run", "absolute http:// or https:// URL", "run", "--endpoint", "localhost:8000", "--model", "m", "--prompts", "hard-1k")]
    [InlineData("orbench run", "--endpoint must be an absolute http:// or https:// URL, but was 'x'", "run", "--endpoint", "x")]
    [InlineData("orbench run", "--concurrency must be at least 1", "run", "--endpoint", "http://127.0.0.1:1/v1", "--model", "m", "--prompts", "hard-1k", "--concurrency", "0")]
    [InlineData("orbench run", "--shard must look like k/n", "run", "--endpoint", "http://127.0.0.1:1/v1", "--model", "m", "--prompts", "hard-1k", "--shard", "4/3")]
    [InlineData("orbench run", "--replay-only needs --cache", "run", "--endpoint", "http://127.0.0.1:1/v1", "--model", "m", "--prompts", "hard-1k", "--replay-only")]
    [InlineData("orbench run", "needs --judge-endpoint and --judge-model", "run", "--endpoint", "http://127.0.0.1:1/v1", "--model", "m", "--prompts", "hard-1k", "--classifier", "judge")]
    [InlineData("orbench run", "--max-over-refusal is a rate between 0 and 1", "run", "--endpoint", "http://127.0.0.1:1/v1", "--model", "m", "--prompts", "hard-1k", "--max-over-refusal", "10")]
    [InlineData("orbench run", "--sample expects a whole number, but was 'abc'", "run", "--endpoint", "http://127.0.0.1:1/v1", "--model", "m", "--prompts", "hard-1k", "--sample", "abc")]
    [InlineData("orbench run", "--concurrency expects a whole number, but was '1e3'", "run", "--endpoint", "http://127.0.0.1:1/v1", "--model", "m", "--prompts", "hard-1k", "--concurrency", "1e3")]
    [InlineData("orbench run", "--max-over-refusal expects a number such as 0.95, but was '10%'", "run", "--endpoint", "http://127.0.0.1:1/v1", "--model", "m", "--prompts", "hard-1k", "--max-over-refusal", "10%")]
    [InlineData("orbench tune", "--confidence expects a number such as 0.95, but was 'high'", "tune", "r.json", "--confidence", "high")]
    [InlineData("orbench select-hard", "--min-rejections expects a whole number, but was 'two'", "select-hard", "gen", "--results", "a.json", "--min-rejections", "two")]
    [InlineData("orbench run", "'cosine'", "run", "--endpoint", "http://127.0.0.1:1/v1", "--model", "m", "--prompts", "hard-1k", "--classifier", "cosine")]
    [InlineData("orbench classify", "presets: default, gpt-3.5, gpt-4", "classify", "--input", "in.csv", "--output", "out.csv", "--classifier", "keyword:gpt-5")]
    [InlineData("orbench run", "cannot be combined with --endpoint", "run", "--responses", "r.csv", "--endpoint", "http://127.0.0.1:1/v1", "--prompts", "hard-1k")]
    [InlineData("orbench run", "'--bogus'", "run", "--bogus", "--prompts", "hard-1k")]
    [InlineData("orbench accept", "Unrecognized command or argument '--bogus'", "accept", "--bogus")]
    [InlineData("orbench select-hard", "Unrecognized command or argument '--bogus'", "select-hard", "--bogus", "--results", "a.json")]
    [InlineData("orbench tune", "Unrecognized command or argument '-x'", "tune", "-x", "r.json")]
    [InlineData("orbench", "'frobnicate'", "frobnicate")]
    [InlineData("orbench", "Required command", new string[0])]
    [InlineData("orbench classify", "--output", "classify", "--input", "in.csv")]
    [InlineData("orbench tune", "--confidence must lie strictly between 0 and 1", "tune", "r.json", "--confidence", "95")]
    [InlineData("orbench tune", "RESULTS", "tune")]
    [InlineData("orbench report", "RESULTS", "report")]
    [InlineData("orbench generate", "one --moderator-model per --moderator-endpoint", "generate", "--generator-endpoint", "http://127.0.0.1:1/v1", "--generator-model", "g",
        "--moderator-endpoint", "http://127.0.0.1:2/v1", "--moderator-endpoint", "http://127.0.0.1:3/v1", "--moderator-endpoint", "http://127.0.0.1:4/v1",
        "--moderator-model", "a", "--moderator-model", "b", "--categories", "medical", "--seeds-per-category", "2", "--out", "gen")]
    [InlineData("orbench generate", "--min-votes 4 exceeds the 3 moderators", "generate", "--generator-endpoint", "http://127.0.0.1:1/v1", "--generator-model", "g",
        "--moderator-endpoint", "http://127.0.0.1:2/v1", "--moderator-endpoint", "http://127.0.0.1:3/v1", "--moderator-endpoint", "http://127.0.0.1:4/v1",
        "--moderator-model", "a", "--categories", "medical", "--seeds-per-category", "2", "--min-votes", "4", "--out", "gen")]
    [InlineData("orbench generate", "every moderator must be a different model or endpoint", "generate", "--generator-endpoint", "http://127.0.0.1:1/v1", "--generator-model", "g",
        "--moderator-endpoint", "http://127.0.0.1:2/v1", "--moderator-endpoint", "http://127.0.0.1:2/v1", "--moderator-model", "a", "--categories", "medical",
        "--seeds-per-category", "2", "--out", "gen")]
    public async Task A_wrong_command_line_exits_2_with_one_line_naming_the_problem(string prefix, string expectedFragment, params string[] args)
    {
        var outcome = await Orbench.InvokeAsync(args);

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        var lines = outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle(outcome.ToString());
        lines[0].Should().StartWith(prefix + ":").And.Contain(expectedFragment);
    }

    [Fact]
    public async Task A_prompts_value_that_is_neither_a_subset_nor_a_file_exits_2_naming_it()
    {
        using var directory = new TempDirectory();

        var outcome = await Orbench.InvokeInAsync(directory.Path, null, "run", "--endpoint", "http://127.0.0.1:1/v1", "--model", "m", "--prompts", "hard-2k.csv");

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain("--prompts 'hard-2k.csv' is neither hard-1k, toxic, 80k nor an existing file");
    }

    [Fact]
    public async Task A_generate_out_that_is_a_file_exits_2_before_any_model_call()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("taken.csv", "prompt,category\n");

        var outcome = await Orbench.InvokeInAsync(directory.Path, null, "generate", "--generator-endpoint", "http://127.0.0.1:1/v1", "--generator-model", "g",
            "--moderator-endpoint", "http://127.0.0.1:2/v1", "--moderator-model", "m", "--categories", "medical", "--seeds-per-category", "1", "--out", "taken.csv");

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain("--output 'taken.csv' is a file");
        File.ReadAllText(file).Should().Be("prompt,category\n");
    }

    [Fact]
    public async Task A_cache_that_is_a_file_exits_2_naming_the_option_and_leaves_the_file_alone()
    {
        using var directory = new TempDirectory();
        var prompts = directory.Write("p.csv", "prompt,category\nhello,privacy\n");

        var outcome = await Orbench.InvokeInAsync(directory.Path, null,
            "run", "--endpoint", "http://127.0.0.1:1/v1", "--model", "m", "--prompts", prompts, "--cache", "p.csv", "--out", "out");

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain("--cache 'p.csv' is a file");
        File.ReadAllText(prompts).Should().Be("prompt,category\nhello,privacy\n");
        Directory.Exists(directory.Combine("out")).Should().BeFalse();
    }

    [Theory]
    [InlineData("--api-key-env", "sk-proj-AbCdEf0123456789")]
    [InlineData("--api-key-env", "hf_AbCdEfGhIjKlMnOp")]
    [InlineData("--judge-api-key-env", "sk-ant-api03-Zz9")]
    public async Task A_key_pasted_where_the_variable_name_belongs_is_never_echoed(string option, string pastedKey)
    {
        using var directory = new TempDirectory();
        var prompts = directory.Write("p.csv", "prompt,category\nhello,privacy\n");
        string[] judge = option == "--judge-api-key-env"
            ? ["--classifier", "judge", "--judge-endpoint", "http://127.0.0.1:1/v1", "--judge-model", "j", option, pastedKey]
            : [option, pastedKey];

        var outcome = await Orbench.InvokeInAsync(directory.Path, null,
            ["run", "--endpoint", "http://127.0.0.1:1/v1", "--model", "m", "--prompts", prompts, "--out", "out", .. judge]);

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain(option).And.Contain("NAME of an environment variable");
        (outcome.Out + outcome.Error).Should().NotContain(pastedKey);
    }

    [Fact]
    public async Task An_unset_judge_key_variable_exits_2_before_any_model_call()
    {
        using var directory = new TempDirectory();
        var prompts = directory.Write("p.csv", "prompt,category\nhello,privacy\n");
        await using var stub = await TestSupport.OpenAi.OpenAiStubServer.StartAsync();

        var outcome = await Orbench.InvokeInAsync(directory.Path, null,
            "run", "--endpoint", stub.Endpoint.ToString(), "--model", "m", "--prompts", prompts, "--out", "out",
            "--classifier", "judge", "--judge-endpoint", stub.Endpoint.ToString(), "--judge-model", "j", "--judge-api-key-env", "MY_JUDGE_KEY");

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain("MY_JUDGE_KEY").And.Contain("--judge-api-key-env");
        stub.Calls.Should().Be(0, "nothing is run when the command line cannot be acted on");
        Directory.Exists(directory.Combine("out")).Should().BeFalse();
    }

    [Fact]
    public async Task An_api_key_variable_named_explicitly_but_unset_exits_2_naming_the_variable()
    {
        using var directory = new TempDirectory();
        var prompts = directory.Write("p.csv", "prompt,category\nhello,privacy\n");

        var outcome = await Orbench.InvokeInAsync(directory.Path, null,
            "run", "--endpoint", "http://127.0.0.1:1/v1", "--model", "m", "--prompts", prompts, "--api-key-env", "MY_TEAM_KEY");

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain("MY_TEAM_KEY").And.Contain("--api-key-env").And.Contain("not set");
    }

    [Fact]
    public async Task Accepting_a_path_that_does_not_exist_exits_2()
    {
        using var directory = new TempDirectory();

        var outcome = await Orbench.InvokeInAsync(directory.Path, null, "accept", "no-such-dir");

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain("'no-such-dir' is neither a directory nor a");
    }

    [Fact]
    public async Task A_missing_results_file_exits_2_naming_it()
    {
        using var directory = new TempDirectory();

        var outcome = await Orbench.InvokeInAsync(directory.Path, null, "report", "shard-1/results.json");

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain("results file 'shard-1/results.json' does not exist");
    }

    [Fact]
    public async Task Help_exits_0_and_lists_every_command()
    {
        var outcome = await Orbench.InvokeAsync("--help");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.Out.Should().ContainAll("run", "classify", "report", "tune", "accept", "generate");
    }
}
