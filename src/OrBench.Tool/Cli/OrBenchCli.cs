using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using OrBench.Tool.Commands;

namespace OrBench.Tool.Cli;

/// <summary>
/// The <c>orbench</c> command tree and its single entry point. Parse errors become exit code 2 with one line on stderr;
/// every command's failure becomes one line on stderr with the exit code of <see cref="ExitCodes"/>.
/// </summary>
public static partial class OrBenchCli
{
    /// <summary>Builds the command tree bound to <paramref name="console"/>.</summary>
    public static RootCommand Build(ToolConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = new RootCommand(
            "OR-Bench over-refusal evaluations: run prompt sets against any OpenAI-compatible endpoint, classify refusals, " +
            "report, tune gate thresholds, accept snapshot records and generate new prompt sets.")
        {
            RunCommand.Create(console),
            ClassifyCommand.Create(console),
            ReportCommand.Create(console),
            TuneCommand.Create(console),
            AcceptCommand.Create(console),
            GenerateCommand.Create(console),
            SelectHardCommand.Create(console),
        };
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> InvokeAsync(string[] args, ToolConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        // No response files: '@' starts ordinary values (--model @octocat, --system-prompt @you), never a file to expand.
        var parseResult = Build(console).Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var error = parseResult.Errors.Count > 0 ? MostSpecific(parseResult) : UnknownOption(parseResult);
        if (error is not null)
        {
            var command = string.Join(' ', parseResult.CommandResult.Command.Name == parseResult.RootCommandResult.Command.Name
                ? ["orbench"]
                : new[] { "orbench", parseResult.CommandResult.Command.Name });
            await console.Error.WriteLineAsync($"{command}: {error} (see '{command} --help')");
            return ExitCodes.BadArguments;
        }

        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,

            // Termination signals are the caller's: the process entry point cancels cancellationToken on Ctrl+C (see
            // TerminationSignals), so every command ends through its own cancellation path.
            ProcessTerminationTimeout = null,
        };
        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>
    /// System.CommandLine hands a token that looks like an option but is none (<c>orbench tune --bogus r.json</c>) to a
    /// command's open argument (RESULTS, PATH, DIR) as a value, so it would surface as a missing file. It is reported the way
    /// System.CommandLine reports every unknown token. After <c>--</c> such a value is taken as given (a file named <c>-x</c>).
    /// </summary>
    private static string? UnknownOption(ParseResult parseResult)
    {
        var afterDoubleDash = parseResult.Tokens.SkipWhile(t => t.Type != TokenType.DoubleDash).ToHashSet<Token>(ReferenceEqualityComparer.Instance);
        foreach (var argument in parseResult.CommandResult.Children.OfType<ArgumentResult>())
        {
            foreach (var token in argument.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-' && !afterDoubleDash.Contains(token))
                {
                    return $"Unrecognized command or argument '{token.Value}'.";
                }
            }
        }

        return null;
    }

    /// <summary>An unknown token explains more than the "required command" error it causes, so it is reported first.</summary>
    private static string MostSpecific(ParseResult parseResult)
    {
        foreach (var error in parseResult.Errors)
        {
            if (parseResult.UnmatchedTokens.Any(token => error.Message.Contains(token, StringComparison.Ordinal)))
            {
                return OneLine(error.Message);
            }
        }

        // An option's own error (a bad URL, a value out of range) says more than the command-level checks it upsets.
        var first = parseResult.Errors.FirstOrDefault(e => e.SymbolResult is OptionResult) ?? parseResult.Errors[0];
        return first.SymbolResult is ArgumentResult argument && first.Message.StartsWith("Required argument missing", StringComparison.Ordinal)
            ? $"missing argument {argument.Argument.Name}."
            : OneLine(first.Message);
    }

    private static string OneLine(string message) =>
        Readable(string.Join(' ', message.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>
    /// System.CommandLine words a value it cannot convert in CLR type names ("as expected type
    /// 'System.Nullable`1[System.Int32]'"); users get the option, what it expects and what they gave instead.
    /// </summary>
    private static string Readable(string message)
    {
        var match = ConversionError().Match(message);
        if (!match.Success)
        {
            return message;
        }

        var type = match.Groups["type"].Value;
        var expected = type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) ? "a whole number"
            : type.Contains("Double", StringComparison.Ordinal) ? "a number such as 0.95"
            : null;
        return expected is null
            ? message
            : $"{match.Groups["option"].Value} expects {expected}, but was '{match.Groups["value"].Value}'.";
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex ConversionError();
}
