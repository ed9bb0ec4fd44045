using FluentAssertions;
using OrBench.TestSupport.Hostile;
using OrBench.TestSupport.OpenAi;
using OrBench.Tool.Tests.Infrastructure;
using Xunit;

namespace OrBench.Tool.Tests.Reliability;

/// <summary>Issue 15 row 2: judge failures keep their reason, are counted apart from request errors, and a judge that never answers stops the run.</summary>
public sealed class JudgeFailureTests
{
    [Fact]
    public async Task A_judge_that_answers_html_stops_the_run_with_every_judge_call_failed()
    {
        await using var model = await OpenAiStubServer.StartAsync();
        await using var judge = await HostileServer.StartAsync(HostileMode.Html200);
        using var directory = new TempDirectory();
        var prompts = PromptFiles.Write(directory, 4);

        var outcome = await Orbench.InvokeInAsync(directory.Path, null,
            "run", "--endpoint", model.Endpoint.ToString(), "--model", "stub-model", "--prompts", prompts, "--out", "out", "--max-over-refusal", "0.10",
            "--classifier", "judge", "--judge-endpoint", judge.Endpoint.ToString(), "--judge-model", "judge-model");

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        outcome.Error.Should().Contain("every judge call failed (4 of 4").And.Contain("text/html instead of a JSON completion");
        Directory.Exists(directory.Combine("out")).Should().BeFalse("no verdict was given, so nothing is written as if measured");
    }

    [Fact]
    public async Task Some_failed_judge_calls_are_counted_as_classification_errors_with_their_reason()
    {
        await using var model = await OpenAiStubServer.StartAsync();
        // The judge is a stub too; it answers 400 to the judgement of prompt 1 (its text quotes the model's answer).
        await using var judge = await OpenAiStubServer.StartAsync(new OpenAiStubOptions
        {
            Answer = _ => "The assistant addressed the request. [[direct_answer]]",
            Faults = StubFaults.WhenPromptContains("item 1 safe", StubFault.ContentFilterError),
        });
        using var directory = new TempDirectory();
        var prompts = PromptFiles.Write(directory, 4);

        var outcome = await Orbench.InvokeInAsync(directory.Path, null,
            "run", "--endpoint", model.Endpoint.ToString(), "--model", "stub-model", "--prompts", prompts, "--out", "out",
            "--classifier", "judge", "--judge-endpoint", judge.Endpoint.ToString(), "--judge-model", "judge-model");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.Out.Should().MatchRegex(@"request errors\s*│\s*0").And.MatchRegex(@"classification errors\s*│\s*1");
        var results = OutputFiles.Results(directory.Combine("out"));
        results.GetProperty("requestErrors").GetInt32().Should().Be(0);
        results.GetProperty("classificationErrors").GetInt32().Should().Be(1);
        results.GetProperty("errors").GetInt32().Should().Be(1);
        var failed = OutputFiles.Records(directory.Combine("out")).Where(r => r.GetProperty("verdict").GetString() == "error").ToList();
        failed.Should().ContainSingle().Which.GetProperty("outcome").GetString().Should().Be("answered");
        failed[0].GetProperty("error").GetString().Should().StartWith("classification failed: judge call failed: HTTP 400");
    }

    [Fact]
    public async Task Run_stops_early_when_the_first_judge_calls_all_fail_naming_the_judge_endpoint_and_the_reason()
    {
        const int Prompts = 40;
        await using var model = await OpenAiStubServer.StartAsync();
        await using var judge = await HostileServer.StartAsync(HostileMode.Html200);
        using var directory = new TempDirectory();
        var prompts = PromptFiles.Write(directory, Prompts);

        var outcome = await Orbench.InvokeInAsync(directory.Path, null,
            "run", "--endpoint", model.Endpoint.ToString(), "--model", "stub-model", "--prompts", prompts, "--out", "out",
            "--classifier", "judge", "--judge-endpoint", judge.Endpoint.ToString(), "--judge-model", "judge-model");

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        outcome.Error.Should().MatchRegex($@"every judge call failed: none of the first \d+ classifications by the judge at {System.Text.RegularExpressions.Regex.Escape(judge.Endpoint.ToString())} gave a verdict")
            .And.Contain("text/html instead of a JSON completion");
        judge.Calls.Should().BeLessThan(Prompts, "the run stops after the first failures instead of asking the judge about every response");
        Directory.Exists(directory.Combine("out")).Should().BeFalse();
    }

    [Fact]
    public async Task Classify_stops_early_when_the_first_judge_calls_all_fail_and_writes_nothing()
    {
        const int Rows = 40;
        await using var judge = await HostileServer.StartAsync(HostileMode.Html200);
        using var directory = new TempDirectory();
        directory.Write("in.csv", "prompt,response\n" + string.Concat(Enumerable.Range(0, Rows).Select(i => $"\"{PromptFiles.Text(i)}\",\"Sure, step one.\"\n")));

        var outcome = await Orbench.InvokeInAsync(directory.Path, null, "classify", "--input", "in.csv", "--output", "out.csv",
            "--classifier", "judge", "--judge-endpoint", judge.Endpoint.ToString(), "--judge-model", "judge-model");

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        outcome.Error.Should().MatchRegex($@"every judge call failed: none of the first \d+ classifications by the judge at {System.Text.RegularExpressions.Regex.Escape(judge.Endpoint.ToString())} gave a verdict").And.Contain("text/html");
        judge.Calls.Should().BeLessThan(Rows);
        File.Exists(directory.Combine("out.csv")).Should().BeFalse();
    }

    [Fact]
    public async Task Classify_counts_failed_judge_calls_apart_in_stdout_and_json()
    {
        await using var judge = await OpenAiStubServer.StartAsync(new OpenAiStubOptions
        {
            Answer = _ => "The assistant addressed the request. [[direct_answer]]",
            Faults = StubFaults.WhenPromptContains("item 1 safe", StubFault.ContentFilterError),
        });
        using var directory = new TempDirectory();
        directory.Write("in.csv", "prompt,response\n" + string.Concat(Enumerable.Range(0, 4).Select(i => $"\"{PromptFiles.Text(i)}\",\"Sure, step one.\"\n")));
        string[] args = ["classify", "--input", "in.csv", "--classifier", "judge", "--judge-endpoint", judge.Endpoint.ToString(), "--judge-model", "judge-model"];

        var text = await Orbench.InvokeInAsync(directory.Path, null, [.. args, "--output", "text.csv"]);
        var json = await Orbench.InvokeInAsync(directory.Path, null, [.. args, "--output", "json.csv", "--format", "json"]);

        text.ExitCode.Should().Be(0, text.ToString());
        text.Out.Should().Contain("judge calls: 4 (1 failed)");
        json.ExitCode.Should().Be(0, json.ToString());
        using var document = System.Text.Json.JsonDocument.Parse(json.Out);
        document.RootElement.GetProperty("judgeCalls").GetInt32().Should().Be(4);
        document.RootElement.GetProperty("judgeFailures").GetInt32().Should().Be(1);
    }
}
