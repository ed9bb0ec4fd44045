using FluentAssertions;
using OrBench.Tool.Tests.Infrastructure;
using Xunit;

namespace OrBench.Tool.Tests.Commands;

/// <summary>The built orbench.dll behaves the same as a separate process: exit codes and streams are the contract scripts see.</summary>
public sealed class ChildProcessTests
{
    [Fact]
    public async Task The_built_tool_prints_help_and_exits_0()
    {
        File.Exists(OrbenchProcess.DllPath).Should().BeTrue($"the project reference builds {OrbenchProcess.DllPath}");

        var outcome = await OrbenchProcess.RunAsync(Path.GetTempPath(), null, "run", "--help");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.Out.Should().Contain("--endpoint").And.Contain("--replay-only");
        outcome.Error.Should().BeEmpty();
    }

    [Fact]
    public async Task The_built_tool_exits_2_on_a_bad_option_with_one_line_on_stderr()
    {
        var outcome = await OrbenchProcess.RunAsync(Path.GetTempPath(), null, "run", "--prompts", "hard-1k", "--endpoint", "http://127.0.0.1:1/v1", "--model", "m", "--sample", "0");

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Trim().Should().Be("orbench run: --sample must be at least 1, but was 0. (see 'orbench run --help')");
        outcome.Out.Should().BeEmpty();
    }
}
