using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using OrBench.TestSupport.OpenAi;
using OrBench.Tool.Tests.Infrastructure;
using Xunit;

namespace OrBench.Tool.Tests.Commands;

/// <summary><c>orbench report</c> and <c>orbench tune</c> over results written by a real <c>orbench run</c>.</summary>
public sealed class ReportAndTuneTests : IAsyncLifetime
{
    private const int PromptCount = 30;
    private readonly TempDirectory _directory = new();

    public async Task InitializeAsync()
    {
        await using var stub = await OpenAiStubServer.StartAsync();
        var prompts = PromptFiles.Write(_directory, PromptCount);
        var outcome = await Orbench.InvokeInAsync(_directory.Path, null,
            "run", "--endpoint", stub.Endpoint.ToString(), "--model", "stub-model", "--prompts", prompts, "--classifier", "keyword", "--out", "run");
        outcome.ExitCode.Should().Be(0, outcome.ToString());
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Report_regenerates_the_reports_from_results_json()
    {
        var run = _directory.Combine("run");
        File.Delete(Path.Combine(run, "report.md"));
        File.Delete(Path.Combine(run, "report.html"));

        var outcome = await Orbench.InvokeInAsync(_directory.Path, null, "report", "run/results.json", "--out", "regenerated");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        var regenerated = _directory.Combine("regenerated");
        File.ReadAllText(Path.Combine(regenerated, "report.md")).Should().Contain("stub-model");
        File.ReadAllText(Path.Combine(regenerated, "report.html")).Should().Contain("<html", Exactly.Once());
        OutputFiles.Results(regenerated).GetProperty("n").GetInt32().Should().Be(PromptCount);
    }

    [Fact]
    public async Task Report_with_a_baseline_of_the_same_run_lists_no_flips()
    {
        var outcome = await Orbench.InvokeInAsync(_directory.Path, null, "report", "run", "--baseline", "run/results.json", "--out", "compared");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        File.Exists(_directory.Combine("compared", "report.md")).Should().BeTrue();
    }

    [Fact]
    public async Task Tune_prints_a_table_with_todays_rate()
    {
        var outcome = await Orbench.InvokeInAsync(_directory.Path, null, "tune", "run/results.json");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.Out.Should().Contain("over-refusal").And.Contain("33.3 %").And.Contain("stub-model");
    }

    [Fact]
    public async Task Tune_json_is_parseable_and_carries_the_rate_of_every_gate()
    {
        var outcome = await Orbench.InvokeInAsync(_directory.Path, null, "tune", "run/results.json", "--json", "--margin", "0.05");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        using var json = JsonDocument.Parse(outcome.Out);
        var text = json.RootElement.ToString();
        text.Should().Contain("over-refusal");
        json.RootElement.ToString().Should().Contain("0.333333", "the overall rate is 10/30 as a fraction rounded to 6 decimals");
    }

    [Fact]
    public async Task Report_lists_every_file_it_wrote_records_jsonl_included()
    {
        var text = await Orbench.InvokeInAsync(_directory.Path, null, "report", "run/results.json", "--out", "listed");
        var json = await Orbench.InvokeInAsync(_directory.Path, null, "report", "run/results.json", "--out", "listed-json", "--format", "json");

        text.ExitCode.Should().Be(0, text.ToString());
        var records = _directory.Combine("listed", "records.jsonl");
        File.Exists(records).Should().BeTrue("report rewrites records.jsonl next to results.json");
        text.Out.Should().Contain($"wrote {records}");
        json.ExitCode.Should().Be(0, json.ToString());
        using var document = JsonDocument.Parse(json.Out);
        document.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString())
            .Should().Contain(_directory.Combine("listed-json", "records.jsonl")).And.Contain(_directory.Combine("listed-json", "results.json"));
    }

    [Fact]
    public async Task Tune_json_writes_every_enum_in_camel_case_like_the_rest_of_the_schema()
    {
        var outcome = await Orbench.InvokeInAsync(_directory.Path, null, "tune", "run/results.json", "--format", "json");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        using var json = JsonDocument.Parse(outcome.Out);
        var camelCase = new Regex("^[a-z][a-zA-Z0-9]*$");
        json.RootElement.GetProperty("errors").GetString().Should().Be("countAgainst");
        json.RootElement.GetProperty("policy").GetString().Should().MatchRegex(camelCase.ToString());
        foreach (var gate in json.RootElement.GetProperty("gates").EnumerateArray())
        {
            gate.GetProperty("metric").GetString().Should().BeOneOf("overRefusal", "toxicAcceptance");
            gate.GetProperty("suggestedFor").GetString().Should().MatchRegex(camelCase.ToString());
        }
    }

    [Theory]
    [InlineData("tune")]
    [InlineData("report")]
    public async Task An_unknown_option_is_system_commandlines_unrecognized_error_not_a_missing_file(string command)
    {
        var outcome = await Orbench.InvokeInAsync(_directory.Path, null, command, "run/results.json", "--bogus");

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().StartWith($"orbench {command}: Unrecognized command or argument '--bogus'.").And.NotContain("does not exist");
    }
}
