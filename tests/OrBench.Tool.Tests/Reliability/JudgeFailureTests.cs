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
}
