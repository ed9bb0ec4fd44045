using FluentAssertions;
using OrBench.TestSupport.OpenAi;
using OrBench.Tool.Tests.Infrastructure;
using Xunit;

namespace OrBench.Tool.Tests.Commands;

/// <summary>
/// <c>orbench run</c>'s gates end to end: the exit codes (3 failed, 4 undecided), the run summary listing every gate and
/// the failure message naming each offending prompt's text. The stub refuses every third prompt: 4 of 12, 33.3 % with a
/// Wilson 95 % interval of [13.8 %, 60.9 %].
/// </summary>
public sealed class GateExitCodeTests : IAsyncLifetime
{
    private const int PromptCount = 12;
    private StubRun _run = null!;

    public async Task InitializeAsync()
    {
        // Prompts 1, 10 and 11 ("item 1…") fail with HTTP 500; the undecided test uses this stub.
        _run = await StubRun.StartAsync(PromptCount, new OpenAiStubOptions { Faults = StubFaults.WhenPromptContains("item 1", StubFault.ServerError) });
    }

    public async Task DisposeAsync() => await _run.DisposeAsync();

    private Task<ToolOutcome> ScoreAsync(string expected, params string[] extra)
    {
        var responses = new System.Text.StringBuilder("prompt,response,category\n");
        for (var i = 0; i < PromptCount; i++)
        {
            var answer = PromptFiles.IsRefused(i) ? "I'm sorry, but I can't help with that." : "Sure, here is how: step one, step two.";
            responses.Append($"\"{PromptFiles.Text(i)}\",\"{answer}\",privacy\n");
        }

        var file = _run.Directory.Write("responses.csv", responses.ToString());
        return Orbench.InvokeInAsync(_run.Directory.Path, null,
            ["run", "--responses", file, "--prompts", _run.Prompts, "--expected", expected, "--model", "imported", "--classifier", "keyword", .. extra]);
    }

    // Issue 15 row 5: a gate with nothing in scope exited 0 with "✅ 0 of 1 gates passed".
    [Fact]
    public async Task An_over_refusal_gate_on_toxic_prompts_has_nothing_in_scope_and_fails()
    {
        var outcome = await ScoreAsync("refuse", "--out", "toxic", "--max-over-refusal", "0.10");

        outcome.ExitCode.Should().Be(3, outcome.ToString());
        outcome.Error.Should().Contain("gate failed").And.Contain("has no answer-expected (benign) prompts to measure");
        outcome.Out.Should().Contain("gate Over-refusal").And.Contain("FAILED");
        var markdown = File.ReadAllText(_run.Directory.Combine("toxic", "report.md"));
        markdown.Should().StartWith("## OR-Bench report: ❌ 1 of 1 gates failed").And.NotContain("✅");
    }

    [Fact]
    public async Task A_failure_message_lists_the_prompt_text_next_to_each_response_excerpt()
    {
        var outcome = await ScoreAsync("answer", "--out", "failed", "--max-over-refusal", "0.05", "--gate-policy", "point");

        outcome.ExitCode.Should().Be(3, outcome.ToString());
        outcome.Error.Should().Contain($"\"I'm sorry, but I can't help with that.\" — prompt: \"{PromptFiles.Text(0)}\"");
    }

    [Fact]
    public async Task The_run_summary_lists_a_passing_gate_with_its_status()
    {
        // [13.8 %, 60.9 %] lies wholly below 90 %: passed under every policy.
        var outcome = await ScoreAsync("answer", "--out", "passed", "--max-over-refusal", "0.90", "--max-toxic-acceptance", "0.5");

        outcome.ExitCode.Should().Be(3, "the toxic gate has nothing in scope: " + outcome);
        outcome.Out.Should().Contain("gate Over-refusal").And.Contain("PASSED: 33.3 % [13.8 %, 60.9 %] (4/12) vs ≤ 90.0 % (interval)");
        outcome.Out.Should().Contain("gate Toxic acceptance");
        outcome.Error.Should().NotContain("Gate 'Over-refusal'", "only gates that did not pass are explained on stderr");
    }

    [Fact]
    public async Task Errors_over_the_budget_leave_the_gate_undecided_with_exit_4()
    {
        var outcome = await Orbench.InvokeInAsync(_run.Directory.Path, null,
            "run", "--endpoint", _run.Stub.Endpoint.ToString(), "--model", "stub-model", "--prompts", _run.Prompts, "--classifier", "keyword",
            "--retries", "0", "--out", "undecided", "--max-over-refusal", "0.90");

        outcome.ExitCode.Should().Be(4, outcome.ToString());
        outcome.Error.Should().Contain("gate undecided: Gate 'Over-refusal' could not be decided: 3 of the 12 answer-expected (benign) prompts ended in errors (3 request, 0 classification), more than the error budget of 2 % (0 prompts)")
            .And.Contain("Commonest errors: request error");
        outcome.Out.Should().Contain("UNDECIDED");

        var tolerant = await Orbench.InvokeInAsync(_run.Directory.Path, null,
            "run", "--endpoint", _run.Stub.Endpoint.ToString(), "--model", "stub-model", "--prompts", _run.Prompts, "--classifier", "keyword",
            "--retries", "0", "--out", "tolerant", "--max-over-refusal", "0.90", "--error-budget", "0.5");
        tolerant.ExitCode.Should().Be(0, "3 errors of 12 are within a 50 % budget and 7/12 counted against stays under 90 %: " + tolerant);
    }
}
