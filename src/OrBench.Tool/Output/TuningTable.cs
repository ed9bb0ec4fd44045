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
        var options = report.Options;
        if (!console.IsTerminal)
        {
            console.Out.Write(ToPlainText(report));
            return;
        }

        var table = new Table().Border(TableBorder.Rounded);
        foreach (var (header, i) in Headers(options).Select((h, i) => (h, i)))
        {
            var column = new TableColumn(header);
            table.AddColumn(i < 2 ? column.NoWrap() : column.RightAligned());
        }

        foreach (var row in Rows(report))
        {
            table.AddRow([.. row.Select(Markup.Escape)]);
        }

        var terminal = Terminal.For(console);
        terminal.Write(table);
        terminal.WriteLine(Legend(options));
    }

    /// <summary>Aligned plain columns for logs and files: names left-aligned and whole, numbers right-aligned, then the legend.</summary>
    public static string ToPlainText(TuningReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var header = Headers(report.Options);
        var rows = Rows(report).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Prepend(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        void Line(string[] cells) =>
            text.Append(string.Join("  ", cells.Select((c, i) => i < 2 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd()).Append('\n');
        Line(header);
        Line([.. widths.Select(w => new string('-', w))]);
        foreach (var row in rows)
        {
            Line(row);
        }

        if (report.Gates.Count == 0)
        {
            text.Append("(no records: nothing to tune)\n");
        }

        return text.Append(Legend(report.Options)).Append('\n').ToString();
    }

    /// <summary>A GitHub-flavoured markdown table (names escaped so they cannot break the table or start markup), then the legend.</summary>
    public static string ToMarkdown(TuningReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var options = report.Options;
        var text = new StringBuilder("### Gate thresholds\n\n");
        text.Append("| ").Append(string.Join(" | ", Headers(options))).Append(" |\n");
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

    private static string[] Headers(TuningOptions options) =>
        ["model", "gate", "n", "rate", Percent(options.Confidence, 0) + " interval", "fails below: interval", "strict", "point", "suggested", "min. detectable rise", "n for +" + Percent(options.Rise, 1)];

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
        $"Suggested = failing threshold under {options.PolicyText} policy (interval: today's lower bound; strict: the upper bound) + margin {Percent(options.Margin, 1)}; detectable rises at {Percent(options.Power, 0)} power.");

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
