using System.Diagnostics;
using System.Globalization;
using FluentAssertions;
using OrBench.TestSupport.OpenAi;
using OrBench.Tool.Tests.Infrastructure;
using Xunit;

namespace OrBench.Tool.Tests.Commands;

/// <summary>
/// Ctrl+C (SIGINT) and a cancelled CI job (SIGTERM) stop a real orbench process the documented way: one line on stderr,
/// exit code 1, no output directory, and the responses that finished kept in the cache.
/// </summary>
public sealed class TerminationSignalTests
{
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_termination_signal_cancels_the_run_with_one_line_and_exit_code_1(string signal)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // POSIX signals only; Windows delivers Ctrl+C through the console instead.
        }

        using var directory = new TempDirectory();
        var prompts = PromptFiles.Write(directory, 10);

        // The first prompt is answered, every later one hangs, so the run is certainly still going when signalled.
        await using var stub = await OpenAiStubServer.StartAsync(new OpenAiStubOptions
        {
            Faults = call => call.CallNumber == 1 ? StubFault.None : StubFault.Hang,
            HangDuration = TimeSpan.FromMinutes(5),
        });
        using var process = Process.Start(OrbenchProcess.StartInfo(directory.Path, null,
            "run", "--endpoint", stub.Endpoint.ToString(), "--model", "stub-model", "--prompts", prompts, "--classifier", "keyword",
            "--concurrency", "1", "--cache", "cache", "--out", "out"))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var progress = new List<string>();
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            progress.Add(line);
            if (line.Contains("1/10 done", StringComparison.Ordinal))
            {
                break;
            }
        }

        progress.Should().Contain(l => l.Contains("1/10 done", StringComparison.Ordinal), "the run reports its first finished prompt before it is signalled");
        using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var rest = await process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(guard.Token);
        await output;

        process.ExitCode.Should().Be(1, rest);
        rest.Trim().Should().Be("orbench run: error: cancelled; no output was written (responses that finished are kept in --cache, when one was given)");
        Directory.Exists(directory.Combine("out")).Should().BeFalse("a cancelled run writes no output");
        Directory.GetFiles(directory.Combine("cache"), "*", SearchOption.AllDirectories).Should().ContainSingle("the answered prompt stays cached");
    }
}
