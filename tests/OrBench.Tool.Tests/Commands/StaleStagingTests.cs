using FluentAssertions;
using OrBench.Tool.Output;
using OrBench.Tool.Tests.Infrastructure;
using Xunit;

namespace OrBench.Tool.Tests.Commands;

/// <summary>
/// Issue 15 row 13: a command killed (SIGKILL) while writing leaves a hidden staging folder; the next command in that
/// output directory removes it, finishing a commit that had begun, and leaves a running command's folder alone.
/// The kill is simulated by the folder it leaves: a process that dies holds no lock, which is what is recreated here.
/// </summary>
public sealed class StaleStagingTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task The_next_run_in_the_folder_removes_a_killed_runs_staging_folder()
    {
        var prompts = PromptFiles.Write(_directory, 6);
        var responses = _directory.Write("responses.csv", "prompt,response\n" + string.Concat(Enumerable.Range(0, 6).Select(i => $"\"{PromptFiles.Text(i)}\",\"Sure.\"\n")));
        _directory.Write("out/.orbench-staging-0123456789abcdef/.lock", string.Empty);
        _directory.Write("out/.orbench-staging-0123456789abcdef/records.jsonl", new string('x', 4096));

        var outcome = await Orbench.InvokeInAsync(_directory.Path, null, "run", "--responses", responses, "--prompts", prompts, "--classifier", "keyword", "-o", "out");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        Directory.EnumerateDirectories(_directory.Combine("out"), ".orbench-staging-*").Should().BeEmpty();
        File.Exists(_directory.Combine("out", "results.json")).Should().BeTrue();
    }

    [Fact]
    public void A_staging_folder_killed_during_its_commit_is_moved_into_place_as_a_set()
    {
        var target = _directory.Combine("out");
        _directory.Write("out/results.json", "old results");
        _directory.Write("out/report.md", "old report");
        // Killed after results.json was moved: the marker says every file was complete, report.md is still staged.
        _directory.Write("out/.orbench-staging-aa/.lock", string.Empty);
        _directory.Write("out/.orbench-staging-aa/.commit", string.Empty);
        _directory.Write("out/.orbench-staging-aa/report.md", "new report");
        File.WriteAllText(Path.Combine(target, "results.json"), "new results");

        StagedOutput.RecoverStale(target);

        File.ReadAllText(Path.Combine(target, "report.md")).Should().Be("new report");
        File.ReadAllText(Path.Combine(target, "results.json")).Should().Be("new results");
        Directory.Exists(Path.Combine(target, ".orbench-staging-aa")).Should().BeFalse();
    }

    [Fact]
    public void A_staging_folder_killed_before_its_commit_is_discarded_and_the_old_set_kept()
    {
        var target = _directory.Combine("out");
        _directory.Write("out/report.md", "old report");
        _directory.Write("out/.orbench-staging-bb/.lock", string.Empty);
        _directory.Write("out/.orbench-staging-bb/report.md", "half-written");

        StagedOutput.RecoverStale(target);

        File.ReadAllText(Path.Combine(target, "report.md")).Should().Be("old report");
        Directory.Exists(Path.Combine(target, ".orbench-staging-bb")).Should().BeFalse();
    }

    [Fact]
    public void A_staging_folder_whose_command_is_still_running_is_left_alone()
    {
        var target = _directory.Combine("out");
        using var running = StagedOutput.Begin(target, "--output");
        File.WriteAllText(Path.Combine(running.Staging, "report.md"), "being written");

        StagedOutput.RecoverStale(target);

        File.ReadAllText(Path.Combine(running.Staging, "report.md")).Should().Be("being written");
    }
}
