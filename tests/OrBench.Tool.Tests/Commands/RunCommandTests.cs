using FluentAssertions;
using OrBench.TestSupport.OpenAi;
using OrBench.Tool.Tests.Infrastructure;
using Xunit;

namespace OrBench.Tool.Tests.Commands;

/// <summary><c>orbench run</c> end to end against the loopback OpenAI stub, through the real OpenAI client.</summary>
public sealed class RunCommandTests : IAsyncLifetime
{
    private const int PromptCount = 12;
    private StubRun _run = null!;

    public async Task InitializeAsync()
    {
        _run = await StubRun.StartAsync(PromptCount);
    }

    public async Task DisposeAsync() => await _run.DisposeAsync();

    private Task<ToolOutcome> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] extra) => _run.RunAsync(environment, extra);

    [Fact]
    public async Task A_run_writes_records_results_and_reports_with_the_contract_fields()
    {
        var outcome = await RunAsync(null, "--out", "out");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        var output = _run.Directory.Combine("out");
        var records = OutputFiles.Records(output);
        records.Should().HaveCount(PromptCount);
        foreach (var record in records)
        {
            foreach (var field in new[] { "id", "category", "outcome", "response", "latencyMs", "verdict" })
            {
                record.TryGetProperty(field, out _).Should().BeTrue($"every record carries '{field}': {record}");
            }
        }

        var ids = records.Select(r => r.GetProperty("id").GetString()!).ToList();
        ids.Should().BeInAscendingOrder(StringComparer.Ordinal).And.OnlyHaveUniqueItems();
        records.Count(r => r.GetProperty("verdict").GetString() is "direct_refusal" or "indirect_refusal")
            .Should().Be(PromptFiles.RefusedCount(PromptCount), "the stub refuses exactly the prompts carrying its marker");

        var results = OutputFiles.Results(output);
        results.GetProperty("model").GetString().Should().Be("stub-model");
        results.GetProperty("prompts").GetString().Should().NotBeNullOrEmpty();
        results.GetProperty("n").GetInt32().Should().Be(PromptCount);
        results.GetProperty("errors").GetInt32().Should().Be(0);
        results.GetProperty("wallSeconds").GetDouble().Should().BeGreaterThan(0);
        results.TryGetProperty("inputTokens", out _).Should().BeTrue();
        results.TryGetProperty("outputTokens", out _).Should().BeTrue();
        File.Exists(Path.Combine(output, "report.md")).Should().BeTrue();
        File.Exists(Path.Combine(output, "report.html")).Should().BeTrue();
        outcome.Out.Should().Contain("over-refusal").And.Contain("33.3 %", "4 of the 12 benign prompts were refused");
        _run.Stub.Calls.Should().Be(PromptCount);
    }

    [Fact]
    public async Task A_second_run_over_the_same_cache_makes_no_model_call()
    {
        (await RunAsync(null, "--cache", "cache", "--out", "first")).ExitCode.Should().Be(0);
        var callsAfterFirst = _run.Stub.Calls;

        var second = await RunAsync(null, "--cache", "cache", "--out", "second");

        second.ExitCode.Should().Be(0, second.ToString());
        callsAfterFirst.Should().Be(PromptCount);
        _run.Stub.Calls.Should().Be(callsAfterFirst, "every response comes from the cache");
        OutputFiles.Records(_run.Directory.Combine("second")).Select(r => r.GetProperty("response").GetString())
            .Should().Equal(OutputFiles.Records(_run.Directory.Combine("first")).Select(r => r.GetProperty("response").GetString()));
    }

    [Fact]
    public async Task Every_cached_run_says_how_many_answers_came_from_the_model_and_a_new_model_version_is_measured_again()
    {
        var first = await RunAsync(null, "--cache", "cache", "--model-version", "v1", "--out", "first");
        var replayed = await RunAsync(new Dictionary<string, string> { ["ORBENCH_MODEL_VERSION"] = "v1" }, "--cache", "cache", "--out", "replayed");
        var callsBefore = _run.Stub.Calls;
        var remeasured = await RunAsync(null, "--cache", "cache", "--model-version", "v2", "--out", "remeasured");

        first.ExitCode.Should().Be(0, first.ToString());
        first.Out.Should().Contain("12 from the model, 0 from the cache");
        replayed.ExitCode.Should().Be(0, replayed.ToString());
        replayed.Out.Should().Contain("0 from the model, 12 from the cache (oldest recorded", "ORBENCH_MODEL_VERSION names the same version as --model-version v1");
        callsBefore.Should().Be(PromptCount);
        remeasured.ExitCode.Should().Be(0, remeasured.ToString());
        _run.Stub.Calls.Should().Be(2 * PromptCount, "another model version is another measurement");
        remeasured.Out.Should().Contain("12 from the model, 0 from the cache");
        OutputFiles.Results(_run.Directory.Combine("remeasured")).GetProperty("metadata").GetProperty("modelVersion").GetString().Should().Be("v2");
    }

    [Fact]
    public async Task Replay_only_fails_naming_exactly_the_prompt_that_was_never_recorded_and_calls_nothing()
    {
        var twoPrompts = PromptFiles.Write(_run.Directory, 2, "two.csv");
        var threePrompts = PromptFiles.Write(_run.Directory, 3, "three.csv");
        (await Orbench.InvokeInAsync(_run.Directory.Path, null, "run", "--endpoint", _run.Stub.Endpoint.ToString(), "--model", "stub-model",
            "--prompts", twoPrompts, "--classifier", "keyword", "--cache", "cache", "--out", "two")).ExitCode.Should().Be(0);
        (await Orbench.InvokeInAsync(_run.Directory.Path, null, "run", "--endpoint", _run.Stub.Endpoint.ToString(), "--model", "stub-model",
            "--prompts", threePrompts, "--classifier", "keyword", "--out", "three")).ExitCode.Should().Be(0);
        var recordedIds = OutputFiles.Records(_run.Directory.Combine("two")).Select(r => r.GetProperty("id").GetString()!).ToList();
        var missingId = OutputFiles.Records(_run.Directory.Combine("three")).Select(r => r.GetProperty("id").GetString()!).Except(recordedIds).Single();
        _run.Stub.ResetCounters();

        var outcome = await Orbench.InvokeInAsync(_run.Directory.Path, null, "run", "--endpoint", _run.Stub.Endpoint.ToString(), "--model", "stub-model",
            "--prompts", threePrompts, "--classifier", "keyword", "--cache", "cache", "--replay-only", "--out", "replayed");

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        var reason = outcome.Error.Split('\n').Where(line => line.StartsWith("orbench run: error:", StringComparison.Ordinal)).Should().ContainSingle().Subject;
        reason.Should().Contain("--replay-only").And.Contain("1 prompt(s)").And.Contain(missingId);
        recordedIds.Should().AllSatisfy(id => reason.Should().NotContain(id));
        _run.Stub.Calls.Should().Be(0);
        File.Exists(_run.Directory.Combine("replayed", "results.json")).Should().BeFalse("nothing is written for a failed run");
    }

    [Fact]
    public async Task The_api_key_is_sent_to_the_server_but_never_written_or_printed()
    {
        const string secret = "sk-planted-7f3c9e1b2d4a6f8e0c1b3d5f7a9e2c4b";
        var environment = new Dictionary<string, string> { ["ORBENCH_API_KEY"] = secret };

        var outcome = await RunAsync(environment, "--cache", "cache", "--out", "out");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        _run.Stub.Requests.Should().OnlyContain(r => r.Authorization == "Bearer " + secret, "the key is used for the requests");
        outcome.Out.Should().NotContain(secret);
        outcome.Error.Should().NotContain(secret);
        var files = Directory.EnumerateFiles(_run.Directory.Path, "*", SearchOption.AllDirectories).ToList();
        files.Should().Contain(f => f.EndsWith(".entry", StringComparison.Ordinal), "the cache was written");
        files.Should().Contain(f => f.EndsWith("report.html", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            System.Text.Encoding.UTF8.GetString(bytes).Should().NotContain(secret, $"{file} must not hold the API key");
            System.Text.Encoding.Unicode.GetString(bytes).Should().NotContain(secret, $"{file} must not hold the API key (UTF-16)");
        }
    }

    [Fact]
    public async Task A_breached_command_line_gate_exits_3_after_writing_the_files()
    {
        var outcome = await RunAsync(null, "--out", "gated", "--max-over-refusal", "0.05");

        outcome.ExitCode.Should().Be(3, outcome.ToString());
        outcome.Error.Should().Contain("gate failed").And.Contain("over-refusal");
        File.Exists(_run.Directory.Combine("gated", "results.json")).Should().BeTrue();
    }

    [Fact]
    public async Task A_gate_the_interval_does_not_clearly_breach_passes_by_default_and_fails_under_strict()
    {
        // 4 of 12 refused: 33.3 %, Wilson 95 % interval about [13.8 %, 60.9 %]; a 20 % threshold lies inside it.
        var lenient = await RunAsync(null, "--out", "lenient", "--max-over-refusal", "0.20");
        var strict = await RunAsync(null, "--out", "strict", "--max-over-refusal", "0.20", "--gate-policy", "strict");

        lenient.ExitCode.Should().Be(0, lenient.ToString());
        strict.ExitCode.Should().Be(3, strict.ToString());
    }

    [Fact]
    public async Task Existing_responses_are_scored_without_any_model()
    {
        var responses = new System.Text.StringBuilder("prompt,response,category\n");
        for (var i = 0; i < PromptCount; i++)
        {
            var answer = PromptFiles.IsRefused(i) ? "I'm sorry, but I can't help with that." : "Sure, here is how:\nstep one, \"quoted\", step two.";
            responses.Append($"\"{PromptFiles.Text(i)}\",\"{answer.Replace("\"", "\"\"", StringComparison.Ordinal)}\",privacy\n");
        }

        var file = _run.Directory.Write("responses.csv", responses.ToString());

        var outcome = await Orbench.InvokeInAsync(_run.Directory.Path, null,
            "run", "--responses", file, "--prompts", _run.Prompts, "--model", "imported", "--classifier", "keyword", "--out", "scored");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        _run.Stub.Calls.Should().Be(0);
        var records = OutputFiles.Records(_run.Directory.Combine("scored"));
        records.Should().HaveCount(PromptCount);
        records.Count(r => r.GetProperty("verdict").GetString() == "direct_answer").Should().Be(PromptCount - PromptFiles.RefusedCount(PromptCount));
        OutputFiles.Results(_run.Directory.Combine("scored")).GetProperty("model").GetString().Should().Be("imported");
    }

    [Fact]
    public async Task A_run_where_every_request_fails_exits_1_with_the_first_error()
    {
        // A server that answers but fails every request (an endpoint that refuses connections stops earlier, see BoundedWaitTests).
        _run.Stub.Options = _run.Stub.Options with { Faults = _ => StubFault.ServerError };
        var outcome = await Orbench.InvokeInAsync(_run.Directory.Path, null,
            "run", "--endpoint", _run.Stub.Endpoint.ToString(), "--model", "m", "--prompts", _run.Prompts, "--classifier", "keyword", "--retries", "0", "--out", "down");

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        outcome.Error.Should().Contain("every request failed").And.Contain("HTTP 500: The server had an error while processing your request.");
        OutputFiles.Results(_run.Directory.Combine("down")).GetProperty("errors").GetInt32().Should().Be(PromptCount, "the errors are still recorded");
    }
}
