using FluentAssertions;
using OrBench.Tool.Cli;
using OrBench.Tool.Output;
using Spectre.Console;
using Spectre.Console.Rendering;
using Xunit;

namespace OrBench.Tool.Tests.Output;

/// <summary>done/total and the remaining time in both progress forms: the plain CI lines and the terminal bar's columns.</summary>
public sealed class ProgressReporterTests
{
    /// <summary>A clock that moves only when told to.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    private static (ToolConsole Console, StringWriter Error) Console(ManualClock clock, bool showProgress = true)
    {
        var error = new StringWriter();
        return (new ToolConsole { Out = TextWriter.Null, Error = error, IsTerminal = false, Clock = clock, ShowProgress = showProgress }, error);
    }

    [Fact]
    public async Task Plain_lines_show_done_total_percent_errors_and_the_time_left()
    {
        var clock = new ManualClock();
        var (console, error) = Console(clock);

        await ProgressReporter.RunAsync(console, "m on set", 100, report =>
        {
            report(0, 100, 0);
            clock.Advance(TimeSpan.FromSeconds(30));
            report(10, 100, 1);
            clock.Advance(TimeSpan.FromSeconds(30));
            report(15, 100, 1);
            clock.Advance(TimeSpan.FromSeconds(240));
            report(100, 100, 2);
            return Task.FromResult(0);
        });

        error.ToString().ReplaceLineEndings("\n").Should().Be(
            "m on set: 0/100 done (0 %), 0 errors, time left unknown\n" +
            "m on set: 10/100 done (10 %), 1 errors, about 4m 30s left\n" +
            "m on set: 100/100 done (100 %), 2 errors, done in 5m 00s\n");
    }

    [Fact]
    public async Task No_progress_writes_nothing()
    {
        var (console, error) = Console(new ManualClock(), showProgress: false);

        await ProgressReporter.RunAsync(console, "m", 10, report =>
        {
            report(5, 10, 0);
            return Task.FromResult(0);
        });

        error.ToString().Should().BeEmpty();
    }

    [Theory]
    [InlineData(45, "45s")]
    [InlineData(270, "4m 30s")]
    [InlineData(7500, "2h 05m")]
    public void Durations_read_as_a_person_says_them(int seconds, string expected) =>
        ProgressReporter.Duration(TimeSpan.FromSeconds(seconds)).Should().Be(expected);

    [Fact]
    public void The_bar_has_a_done_total_column()
    {
        var task = new ProgressTask(1, "run", 1319, autoStart: false) { Value = 250 };
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) });

        var rendered = new CountColumn().Render(RenderOptions.Create(console), task, TimeSpan.Zero);

        string.Concat(rendered.GetSegments(console).Select(s => s.Text)).Should().Be("250/1,319");
    }

    [Fact]
    public void No_color_switches_colours_off_on_a_terminal()
    {
        var console = new ToolConsole { Out = new StringWriter(), Error = TextWriter.Null, IsTerminal = true, GetEnvironmentVariable = n => n == "NO_COLOR" ? "1" : null };

        Terminal.For(console).Profile.Capabilities.ColorSystem.Should().Be(ColorSystem.NoColors);
    }

    [Fact]
    public void A_task_whose_total_is_not_known_yet_shows_no_count()
    {
        var task = new ProgressTask(1, "generating", 1, autoStart: false) { IsIndeterminate = true };
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) });

        var rendered = new CountColumn().Render(RenderOptions.Create(console), task, TimeSpan.Zero);

        string.Concat(rendered.GetSegments(console).Select(s => s.Text)).Should().Be("…");
    }
}
