namespace OrBench.Tool.Cli;

/// <summary>
/// What a command prints on stdout (<c>--format</c>): the human summary, one JSON document (schema in docs/cli.md) for
/// scripts, or GitHub-flavoured markdown for a CI step summary. Progress and warnings go to stderr in every format.
/// </summary>
internal enum OutputFormat
{
    /// <summary>The human summary: tables and one-line messages.</summary>
    Text,

    /// <summary>One indented JSON object with <c>schemaVersion</c> and <c>command</c>.</summary>
    Json,

    /// <summary>Markdown tables, for <c>$GITHUB_STEP_SUMMARY</c> or an Azure Pipelines summary.</summary>
    Markdown,
}
