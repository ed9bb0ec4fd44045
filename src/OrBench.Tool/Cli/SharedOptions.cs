using System.CommandLine;

namespace OrBench.Tool.Cli;

/// <summary>
/// The options that mean the same on every command, built in one place so each concept has one name everywhere:
/// <c>--output</c>/<c>-o</c> (old name <c>--out</c> kept as an alias), <c>--category</c> (repeatable and
/// comma-separated), <c>--format</c>, <c>--no-progress</c> and <c>--allow-partial</c>.
/// </summary>
internal static class SharedOptions
{
    /// <summary><c>--output</c>/<c>-o</c>, also accepted as <c>--out</c>; <paramref name="defaultValue"/> null makes it optional without a default.</summary>
    public static Option<string?> Output(string description, string? defaultValue = null, bool required = false, params string[] moreAliases)
    {
        var option = new Option<string?>("--output", ["-o", "--out", .. moreAliases])
        {
            HelpName = "DIR",
            Description = description,
            Required = required,
        };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }

        return option;
    }

    /// <summary>
    /// <c>--category</c>: repeat it or give a comma-separated list (<c>--category privacy,violence</c>); names are matched
    /// case-insensitively. <see cref="Categories"/> reads the flattened, de-duplicated list.
    /// </summary>
    public static Option<string[]> Category(string description, bool required = false, params string[] aliases)
    {
        var option = new Option<string[]>("--category", aliases)
        {
            HelpName = "C[,C...]",
            Description = description,
            Required = required,
            AllowMultipleArgumentsPerToken = false,
        };

        // '' or ',' would otherwise flatten to no category at all, which reads as "every category": a usage error instead.
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Split(',').Any(string.IsNullOrWhiteSpace))
                {
                    result.AddError($"{result.IdentifierToken?.Value ?? option.Name} '{token.Value}' holds an empty category name; give names such as 'privacy' or 'privacy,violence'.");
                    return;
                }
            }
        });
        return option;
    }

    /// <summary>The categories of <paramref name="option"/>: comma lists split (blank names are refused when parsing), duplicates (ignoring case) removed, first spelling kept.</summary>
    public static IReadOnlyList<string> Categories(ParseResult parseResult, Option<string[]> option) =>
        [.. (parseResult.GetValue(option) ?? [])
            .SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary><c>--format</c> restricted to <paramref name="formats"/> (the first is the default).</summary>
    public static Option<string> Format(params OutputFormat[] formats)
    {
        var names = formats.Select(Name).ToArray();
        var option = new Option<string>("--format")
        {
            HelpName = string.Join('|', names),
            Description = "What to print on stdout: " + string.Join("; ", formats.Select(Describe)) + " (schemas in docs/cli.md).",
            DefaultValueFactory = _ => names[0],
        };
        option.AcceptOnlyFromAmong(names);
        return option;
    }

    /// <summary>The chosen format.</summary>
    public static OutputFormat FormatOf(ParseResult parseResult, Option<string> option) =>
        Enum.Parse<OutputFormat>(parseResult.GetRequiredValue(option), ignoreCase: true);

    /// <summary><c>--no-progress</c>: no progress bar and no progress lines (the summary is still printed).</summary>
    public static Option<bool> NoProgress() => new("--no-progress")
    {
        Description = "Show no progress bar on a terminal and no progress lines on stderr.",
    };

    /// <summary><c>--allow-partial</c>: report or tune a set of shards with shards missing (they are named in a warning and in the results).</summary>
    public static Option<bool> AllowPartial() => new("--allow-partial")
    {
        Description = "Accept a set of shard results with shards missing (named in a warning and in results.json) instead of failing.",
    };

    private static string Name(OutputFormat format) => format.ToString().ToLowerInvariant();

    private static string Describe(OutputFormat format) => format switch
    {
        OutputFormat.Json => "json, one JSON document",
        OutputFormat.Markdown => "markdown, tables for a CI step summary",
        _ => "text, the human summary",
    };
}
