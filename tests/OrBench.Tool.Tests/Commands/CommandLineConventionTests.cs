using System.Text.Json;
using FluentAssertions;
using OrBench.TestSupport.OpenAi;
using OrBench.Tool.Tests.Infrastructure;
using Xunit;

namespace OrBench.Tool.Tests.Commands;

/// <summary>
/// One name per concept on every command (issue 18): <c>--output</c>/<c>-o</c> with the old names as aliases,
/// <c>--category</c> repeatable, comma-separated and case-insensitive, <c>--format json|markdown</c>, <c>--no-progress</c>,
/// <c>--replay-only</c> without an endpoint, and the warning for a sample larger than the set.
/// </summary>
public sealed class CommandLineConventionTests : IAsyncLifetime
{
    private const int PromptCount = 12;
    private StubRun _run = null!;

    public async Task InitializeAsync()
    {
        _run = await StubRun.StartAsync(PromptCount);
    }

    public async Task DisposeAsync() => await _run.DisposeAsync();

    private Task<ToolOutcome> RunAsync(params string[] extra) => _run.RunAsync(null, extra);

    private static JsonElement Json(ToolOutcome outcome)
    {
        outcome.Out.TrimStart().Should().StartWith("{", outcome.ToString());
        return JsonDocument.Parse(outcome.Out).RootElement.Clone();
    }

    [Theory]
    [InlineData("--output")]
    [InlineData("-o")]
    [InlineData("--out")]
    public async Task Run_and_report_take_the_output_directory_under_every_name(string name)
    {
        var run = await RunAsync(name, "written");
        var report = await Orbench.InvokeInAsync(_run.Directory.Path, null, "report", "written/results.json", name, "reported");

        run.ExitCode.Should().Be(0, run.ToString());
        report.ExitCode.Should().Be(0, report.ToString());
        File.Exists(_run.Directory.Combine("written", "results.json")).Should().BeTrue();
        File.Exists(_run.Directory.Combine("reported", "report.md")).Should().BeTrue();
    }

    [Fact]
    public async Task Category_is_repeatable_comma_separated_and_case_insensitive()
    {
        var repeated = Json(await RunAsync("--category", "privacy", "--category", "violence", "--format", "json", "-o", "repeated"));
        var listed = Json(await RunAsync("--category", "Privacy,VIOLENCE", "--format", "json", "-o", "listed"));

        var expected = Enumerable.Range(0, PromptCount).Count(i => PromptFiles.Categories[i % 3] is "privacy" or "violence");
        repeated.GetProperty("n").GetInt32().Should().Be(expected);
        listed.GetProperty("n").GetInt32().Should().Be(expected, "'Privacy,VIOLENCE' names the same two categories");
    }

    [Fact]
    public async Task An_unknown_category_still_lists_the_categories_of_the_set()
    {
        var outcome = await RunAsync("--category", "privacy,medical", "-o", "none");

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain("'medical'").And.Contain("deception, privacy, violence");
    }

    [Fact]
    public async Task Run_format_json_is_one_document_with_the_summary_gates_and_files()
    {
        var outcome = await RunAsync("--format", "json", "--max-over-refusal", "0.10", "--gate-policy", "point", "-o", "json");

        outcome.ExitCode.Should().Be(3, outcome.ToString());
        var json = Json(outcome);
        json.GetProperty("schemaVersion").GetInt32().Should().Be(1);
        json.GetProperty("command").GetString().Should().Be("run");
        json.GetProperty("exitCode").GetInt32().Should().Be(3);
        json.GetProperty("model").GetString().Should().Be("stub-model");
        json.GetProperty("n").GetInt32().Should().Be(PromptCount);
        json.GetProperty("overRefusal").GetProperty("rate").GetDouble().Should().Be(0.333333, "4 of 12 prompts carry the refusal marker");
        json.GetProperty("toxicAcceptance").ValueKind.Should().Be(JsonValueKind.Null, "a benign set has no toxic acceptance rate");
        var gate = json.GetProperty("gates").EnumerateArray().Single();
        gate.GetProperty("name").GetString().Should().Be("Over-refusal");
        gate.GetProperty("status").GetString().Should().Be("failed");
        gate.GetProperty("threshold").GetDouble().Should().Be(0.10);
        json.GetProperty("regression").ValueKind.Should().Be(JsonValueKind.Null);
        File.Exists(json.GetProperty("files").GetProperty("results").GetString()).Should().BeTrue();
        outcome.Out.Should().NotContain("╭", "the summary table is not printed next to the JSON");
    }

    [Fact]
    public async Task No_progress_silences_the_progress_lines_but_not_the_summary()
    {
        var plain = await RunAsync("-o", "plain");
        var quiet = await RunAsync("--no-progress", "-o", "quiet");

        plain.Error.Should().Contain($"{PromptCount}/{PromptCount} done (100 %)");
        quiet.ExitCode.Should().Be(0, quiet.ToString());
        quiet.Error.Should().NotContain(" done (");
        quiet.Out.Should().Contain("over-refusal");
    }

    [Fact]
    public async Task Replay_only_needs_no_key_and_takes_the_endpoint_from_the_environment()
    {
        (await RunAsync("--cache", "cache", "-o", "recorded")).ExitCode.Should().Be(0);
        var calls = _run.Stub.Calls;

        var replay = await Orbench.InvokeInAsync(_run.Directory.Path, new Dictionary<string, string> { ["ORBENCH_ENDPOINT"] = _run.Stub.Endpoint.ToString() },
            "run", "--replay-only", "--model", "stub-model", "--prompts", _run.Prompts, "--classifier", "keyword", "--cache", "cache", "--api-key-env", "NO_SUCH_KEY", "-o", "replayed");

        replay.ExitCode.Should().Be(0, replay.ToString());
        _run.Stub.Calls.Should().Be(calls, "a replay makes no model call");
        OutputFiles.Results(_run.Directory.Combine("replayed")).GetProperty("n").GetInt32().Should().Be(PromptCount);
    }

    [Fact]
    public async Task Replay_only_without_any_endpoint_replays_what_any_endpoint_recorded()
    {
        (await RunAsync("--cache", "cache", "-o", "recorded")).ExitCode.Should().Be(0);
        var calls = _run.Stub.Calls;

        var replay = await Orbench.InvokeInAsync(_run.Directory.Path, null,
            "run", "--replay-only", "--model", "stub-model", "--prompts", _run.Prompts, "--classifier", "keyword", "--cache", "cache", "-o", "replayed");

        replay.ExitCode.Should().Be(0, replay.ToString());
        _run.Stub.Calls.Should().Be(calls, "a replay makes no model call");
        OutputFiles.Results(_run.Directory.Combine("replayed")).GetProperty("n").GetInt32().Should().Be(PromptCount);
    }

    [Fact]
    public async Task Run_without_endpoint_and_without_replay_only_names_both_ways_out()
    {
        var outcome = await Orbench.InvokeInAsync(_run.Directory.Path, null, "run", "--model", "m", "--prompts", _run.Prompts);

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain("--endpoint is required").And.Contain("--replay-only");
    }

    [Fact]
    public async Task A_sample_larger_than_the_set_is_a_warning_naming_both_sizes()
    {
        var outcome = await RunAsync("--sample", "5000", "-o", "sampled");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.Error.Should().Contain($"warning: a sample of 5,000 was asked for, but prompts holds {PromptCount} prompts: all {PromptCount} are used.");
        OutputFiles.Results(_run.Directory.Combine("sampled")).GetProperty("n").GetInt32().Should().Be(PromptCount);
    }

    [Fact]
    public async Task Report_format_markdown_prints_report_md_and_json_lists_models_and_files()
    {
        (await RunAsync("-o", "run")).ExitCode.Should().Be(0);

        var markdown = await Orbench.InvokeInAsync(_run.Directory.Path, null, "report", "run", "--format", "markdown");
        var json = await Orbench.InvokeInAsync(_run.Directory.Path, null, "report", "run", "--format", "json");

        markdown.ExitCode.Should().Be(0, markdown.ToString());
        markdown.Out.Should().Be(File.ReadAllText(_run.Directory.Combine("run", "report.md")));
        var document = Json(json);
        document.GetProperty("command").GetString().Should().Be("report");
        var model = document.GetProperty("models").EnumerateArray().Single();
        model.GetProperty("model").GetString().Should().Be("stub-model");
        model.GetProperty("n").GetInt32().Should().Be(PromptCount);
        model.GetProperty("missingShards").ValueKind.Should().Be(JsonValueKind.Null);
        document.GetProperty("files").EnumerateArray().Select(f => Path.GetFileName(f.GetString())).Should().Contain(["report.md", "report.html"]);
    }

    [Fact]
    public async Task Tune_markdown_is_a_table_with_whole_model_names_and_redirected_text_has_no_box()
    {
        const string LongModel = "stand-in/keyword-gated-model-with-a-rather-long-name";
        var responses = _run.Directory.Write("responses.csv", "prompt,response\n" + string.Concat(Enumerable.Range(0, PromptCount)
            .Select(i => $"\"{PromptFiles.Text(i)}\",\"{(PromptFiles.IsRefused(i) ? "I'm sorry, but I can't help with that." : "Sure, here is how.")}\"\n")));
        (await Orbench.InvokeInAsync(_run.Directory.Path, null, "run", "--responses", responses, "--prompts", _run.Prompts, "--model", LongModel, "--classifier", "keyword", "-o", "long"))
            .ExitCode.Should().Be(0);

        var markdown = await Orbench.InvokeInAsync(_run.Directory.Path, null, "tune", "long", "--format", "markdown");
        var text = await Orbench.InvokeInAsync(_run.Directory.Path, null, "tune", "long");

        markdown.ExitCode.Should().Be(0, markdown.ToString());
        markdown.Out.Should().Contain("| model | gate |").And.Contain("|---|");
        markdown.Out.Should().Contain("| stand-in/keyword-gated-model-with-a-rather-long-name |");
        text.Out.Should().Contain(LongModel).And.NotContain("╭").And.NotContain("│");
    }

    [Fact]
    public async Task Classify_accepts_short_output_and_prints_json()
    {
        var input = _run.Directory.Write("in.csv", "prompt,response\n\"How do I bake bread?\",\"I'm sorry, but I can't help with that.\"\n\"How do I boil eggs?\",\"Boil them for nine minutes.\"\n");

        var outcome = await Orbench.InvokeInAsync(_run.Directory.Path, null, "classify", "--input", input, "-o", "out.csv", "--classifier", "keyword", "--format", "json");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        var json = Json(outcome);
        json.GetProperty("command").GetString().Should().Be("classify");
        json.GetProperty("rows").GetInt32().Should().Be(2);
        json.GetProperty("refused").GetInt32().Should().Be(1);
        File.Exists(_run.Directory.Combine("out.csv")).Should().BeTrue();
    }

    [Fact]
    public async Task Accept_format_json_lists_the_accepted_files()
    {
        _run.Directory.Write("snap/A.received.jsonl", "{\"id\":\"a\",\"category\":\"privacy\",\"verdict\":\"direct_answer\"}\n");

        var outcome = await Orbench.InvokeInAsync(_run.Directory.Path, null, "accept", "snap", "--format", "json");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        var json = Json(outcome);
        json.GetProperty("command").GetString().Should().Be("accept");
        json.GetProperty("count").GetInt32().Should().Be(1);
        json.GetProperty("accepted")[0].GetString().Should().Be(Path.Combine("snap", "A.verified.jsonl"));
    }

    [Fact]
    public async Task A_format_a_command_does_not_have_is_a_usage_error()
    {
        var outcome = await Orbench.InvokeInAsync(_run.Directory.Path, null, "accept", "--format", "markdown");

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain("markdown");
    }

    [Theory]
    [InlineData("--category")]
    [InlineData("--categories")]
    public async Task Generate_takes_its_categories_under_the_shared_name_and_its_old_one(string name)
    {
        var outcome = await Orbench.InvokeInAsync(_run.Directory.Path, null, "generate", "--generator-endpoint", "http://127.0.0.1:1/v1", "--generator-model", "g",
            "--moderator-endpoint", "http://127.0.0.1:2/v1", "--moderator-model", "m", name, " , ", "--seeds-per-category", "1", "-o", "gen");

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain($"{name} ' , ' holds an empty category name", "both names reach the one option, which refuses a list without names");
    }

    [Theory]
    [InlineData("")]
    [InlineData(",")]
    [InlineData("privacy,,violence")]
    public async Task A_category_value_without_a_name_is_a_usage_error_naming_the_value(string value)
    {
        var outcome = await RunAsync("--category", value, "--out", "never");

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().StartWith("orbench run: ").And.Contain($"--category '{value}' holds an empty category name");
        Directory.Exists(_run.Directory.Combine("never")).Should().BeFalse();
    }

    [Fact]
    public async Task A_value_starting_with_an_at_sign_is_taken_as_given_not_as_a_response_file()
    {
        var outcome = await Orbench.InvokeInAsync(_run.Directory.Path, null,
            "run", "--endpoint", _run.Stub.Endpoint.ToString(), "--model", "@octocat", "--prompts", _run.Prompts, "--classifier", "keyword", "--out", "at");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        OutputFiles.Results(_run.Directory.Combine("at")).GetProperty("model").GetString().Should().Be("@octocat");
    }
}
