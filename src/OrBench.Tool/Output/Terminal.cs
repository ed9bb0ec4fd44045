using OrBench.Tool.Cli;
using Spectre.Console;

namespace OrBench.Tool.Output;

/// <summary>
/// Spectre.Console over the tool's own writer: colours and live widgets only on a terminal, plain text (no escape codes,
/// fixed width) when output is redirected or captured by a test, so logs and CI output stay readable and diffable.
/// </summary>
internal static class Terminal
{
    /// <summary>Width used when output is not a terminal: wide enough for the tune and summary tables.</summary>
    public const int PlainWidth = 160;

    public static IAnsiConsole For(ToolConsole console)
    {
        // NO_COLOR (https://no-color.org): any non-empty value switches colours off, also on a terminal.
        var colour = console.IsTerminal && string.IsNullOrEmpty(console.GetEnvironmentVariable("NO_COLOR"));
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Out),
            Ansi = console.IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = console.IsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!console.IsTerminal)
        {
            ansi.Profile.Width = PlainWidth;
        }

        return ansi;
    }
}
