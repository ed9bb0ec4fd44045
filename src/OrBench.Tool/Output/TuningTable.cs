using System.Globalization;
using System.Text;
using OrBench.Testing.Gates;
using OrBench.Testing.Reporting.Tuning;
using OrBench.Tool.Cli;
using Spectre.Console;

namespace OrBench.Tool.Output;

/// <summary>
/// The tables of <c>orbench tune</c>: a box table on a terminal, the library's plain aligned table when output is
/// redirected (a log or a file, where box characters and wrapping help no one), and a markdown table for
/// <c>--format markdown</c>. Model and gate names are never cut.
/// </summary>
internal static class TuningTable
{
    public static void Write(ToolConsole console, TuningReport report)
    {
        if (!console.IsTerminal)
        {
            console.Out.Write(report.ToTable());
            return;
        }

        var options = report.Options;
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("model").NoWrap())
            .AddColumn(new TableColumn("gate").NoWrap())
            .AddColumn(new TableColumn("n").RightAligned())
            .AddColumn(new TableColumn("rate").RightAligned())
            .AddColumn(new TableColumn(Percent(options.Confidence, 0) + " interval").RightAligned())
            .AddColumn(new TableColumn("fails below: interval").RightAligned())
            .AddColumn(new TableColumn("strict").RightAligned())
            .AddColumn(new TableColumn("point").RightAligned())
            .AddColumn(new TableColumn("suggested").RightAligned())
            .AddColumn(new TableColumn("min. detectable rise").RightAligned())
            .AddColumn(new TableColumn("n for +" + Percent(options.Rise, 1)).RightAligned());
        foreach (var row in Rows(report))
        {
            table.AddRow([.. row.Select(Markup.Escape)]);
        }

        var terminal = Terminal.For(console);
        terminal.Write(table);
        terminal.WriteLine(Legend(options));
    }

    /// <summary>A GitHub-flavoured markdown table (names escaped so they cannot break the table or start markup), then the legend.</summary>
    public static string ToMarkdown(TuningReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var options = report.Options;
        var text = new StringBuilder("### Gate thresholds\n\n");
        text.Append(CultureInfo.InvariantCulture, $"| model | gate | n | rate | {Percent(options.Confidence, 0)} interval | fails below: interval | strict | point | suggested | min. detectable rise | n for +{Percent(options.Rise, 1)} |\n");
        text.Append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        foreach (var row in Rows(report))
        {
            text.Append("| ").Append(string.Join(" | ", row.Select(EscapeCell))).Append(" |\n");
        }

        if (report.Gates.Count == 0)
        {
            text.Append("\n(no records: nothing to tune)\n");
        }

        return text.Append('\n').Append(Legend(options)).Append('\n').ToString();
    }

    private static IEnumerable<string[]> Rows(TuningReport report) => report.Gates.Select(row => new[]
    {
        row.Model,
        row.Gate,
        row.Estimate.N.ToString("N0", CultureInfo.InvariantCulture),
        Percent(row.Estimate.Rate, 1),
        $"{Percent(row.Estimate.Lower, 1)} – {Percent(row.Estimate.Upper, 1)}",
        Percent(row.FailingThresholds.For(GatePolicy.IntervalAboveThreshold), 1),
        Percent(row.FailingThresholds.For(GatePolicy.Strict), 1),
        Percent(row.FailingThresholds.For(GatePolicy.PointEstimate), 1),
        Percent(row.SuggestedThreshold, 1),
        row.MinimumDetectableRise is { } mdr ? "+" + Percent(mdr, 1) : "–",
        row.PromptsForRise is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) : "–",
    });

    private static string Legend(TuningOptions options) => string.Create(
        CultureInfo.InvariantCulture,
        $"Suggested = failing threshold under the {options.Policy.ToDisplayName()} policy (for it, today's lower bound) + margin {Percent(options.Margin, 1)}; detectable rises at {Percent(options.Power, 0)} power.");

    /// <summary>Model names are untrusted text: pipes, markup characters and line breaks are escaped or flattened.</summary>
    private static string EscapeCell(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value.ReplaceLineEndings(" "))
        {
            if (c is '\\' or '|' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '@' or '~')
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        return text.ToString();
    }

    private static string Percent(double value, int decimals) =>
        (value * 100).ToString(decimals == 0 ? "0" : "0.0", CultureInfo.InvariantCulture) + " %";
}
