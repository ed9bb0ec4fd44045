using System.CommandLine;
using System.Globalization;
using FluentAssertions;
using OrBench.Tool.Cli;
using OrBench.Tool.Tests.Infrastructure;
using Xunit;

namespace OrBench.Tool.Tests.Commands;

/// <summary>
/// The command tree and docs/cli.md describe the same command line: every visible option of every command has a row in
/// its command's table naming the option, each alias and the value placeholder, with the default the help shows.
/// </summary>
public sealed class HelpDocumentationTests
{
    private static readonly string Docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "cli.md"));

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var command in OrBenchCli.Build(ToolConsole.System).Subcommands)
        {
            data.Add(command.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_option_is_documented_with_its_aliases_and_default(string name)
    {
        var command = OrBenchCli.Build(ToolConsole.System).Subcommands.Single(c => c.Name == name);
        var rows = Section(name).Split('\n').Where(l => l.StartsWith('|')).Select(Cells).ToList();

        // Hidden options (kept for old scripts) are documented too, so a user who meets one in a script can look it up.
        foreach (var option in command.Options)
        {
            var row = rows.FirstOrDefault(r => r[0].Contains($"`{option.Name} ", StringComparison.Ordinal) || r[0].Contains($"`{option.Name}`", StringComparison.Ordinal));
            row.Should().NotBeNull($"docs/cli.md's section on orbench {name} has a row for {option.Name}");
            foreach (var alias in option.Aliases)
            {
                row![0].Should().Contain($"`{alias}", $"the row of {option.Name} names its alias {alias}");
            }

            if (option.HelpName is { } placeholder)
            {
                row![0].Should().Contain($"{option.Name} {placeholder}", $"the row of {option.Name} shows the placeholder the help shows");
            }

            if (option.HasDefaultValue && option.GetDefaultValue() is { } value and not bool)
            {
                var text = Convert.ToString(value, CultureInfo.InvariantCulture);
                row![1].Should().Contain($"`{text}`", $"the help of {option.Name} shows the default {text}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_argument_is_documented_and_every_documented_option_exists(string name)
    {
        var command = OrBenchCli.Build(ToolConsole.System).Subcommands.Single(c => c.Name == name);
        var rows = Section(name).Split('\n').Where(l => l.StartsWith('|')).Select(Cells).Where(r => r[0] is not ("option" or "argument / option" or "---")).ToList();

        foreach (var argument in command.Arguments)
        {
            rows.Should().Contain(r => r[0].StartsWith($"`{argument.Name}", StringComparison.Ordinal), $"docs/cli.md's section on orbench {name} has a row for its argument {argument.Name}");
        }

        var names = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r[0].StartsWith('`')))
        {
            foreach (var documented in System.Text.RegularExpressions.Regex.Matches(row[0], @"`(-{1,2}[a-z][a-z0-9-]*)").Select(m => m.Groups[1].Value))
            {
                names.Should().Contain(documented, $"docs/cli.md documents {documented} for orbench {name}, so the command must have it");
            }
        }
    }

    [Fact]
    public void The_root_command_has_no_option_the_docs_do_not_describe()
    {
        var root = OrBenchCli.Build(ToolConsole.System);

        root.Options.Where(o => !o.Hidden).Select(o => o.Name).Should().BeSubsetOf(["--help", "--version"], "only the built-in options are on the root command");
        root.Subcommands.Select(c => c.Name).Should().OnlyContain(c => Docs.Contains($"## `orbench {c}`"), "every command has its section");
    }

    [Fact]
    public void Tune_margin_help_says_which_bound_it_is_added_to()
    {
        var margin = OrBenchCli.Build(ToolConsole.System).Subcommands.Single(c => c.Name == "tune").Options.Single(o => o.Name == "--margin");

        margin.Description.Should().Contain("interval policy").And.Contain("today's lower bound").And.NotContain("today's upper bound");
        Section("tune").Should().Contain("today's lower bound");
    }

    [Fact]
    public void Every_exit_code_is_documented()
    {
        foreach (var code in typeof(ExitCodes).GetFields().Select(f => (int)f.GetValue(null)!))
        {
            Docs.Should().Contain($"| `{code}` |", $"exit code {code} is in the table of docs/cli.md");
        }
    }

    [Fact]
    public async Task Help_lists_the_options_the_docs_describe()
    {
        var outcome = await Orbench.InvokeAsync("run", "--help");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.Out.Should().Contain("-o, --out, --output <DIR>").And.Contain("--format <text|json>").And.Contain("--no-progress").And.Contain("--max-regression <RATE>");
    }

    private static string Section(string command)
    {
        var start = Docs.IndexOf($"\n## `orbench {command}`", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, $"docs/cli.md has a section '## `orbench {command}`'");
        var end = Docs.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return Docs[start..(end < 0 ? Docs.Length : end)];
    }

    private static string[] Cells(string row) =>
        [.. row.Replace("\\|", "\u0001", StringComparison.Ordinal).Trim('|').Split('|').Select(c => c.Replace('\u0001', '|').Trim())];

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "docs", "cli.md")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("docs/cli.md not found above " + AppContext.BaseDirectory);
    }
}
