using System.Globalization;
using OrBench.Testing.Gates;
using OrBench.Testing.Reporting;
using OrBench.Testing.Reporting.Tuning;
using OrBench.Tool.Cli;
using Spectre.Console;

namespace OrBench.Tool.Output;

/// <summary>The terminal table of <c>orbench tune</c>: one row per model and gate, percentages with one decimal.</summary>
internal static class TuningTable
{
    public static void Write(ToolConsole console, TuningReport report)
    {
        var options = report.Options;
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("model")
            .AddColumn("gate")
            .AddColumn(new TableColumn("n").RightAligned())
            .AddColumn(new TableColumn("rate").RightAligned())
            .AddColumn(new TableColumn(Percent(options.Confidence, 0) + " interval").RightAligned())
            .AddColumn(new TableColumn("fails below: interval").RightAligned())
            .AddColumn(new TableColumn("strict").RightAligned())
            .AddColumn(new TableColumn("point").RightAligned())
            .AddColumn(new TableColumn("suggested").RightAligned())
            .AddColumn(new TableColumn("min. detectable rise").RightAligned())
            .AddColumn(new TableColumn("n for +" + Percent(options.Rise, 1)).RightAligned());
        foreach (var row in report.Gates)
        {
            table.AddRow(
                Markup.Escape(row.Model),
                Markup.Escape(row.Gate),
                row.Estimate.N.ToString("N0", CultureInfo.InvariantCulture),
                Percent(row.Estimate.Rate, 1),
                $"{Percent(row.Estimate.Lower, 1)} – {Percent(row.Estimate.Upper, 1)}",
                Percent(row.FailingThresholds.For(GatePolicy.IntervalAboveThreshold), 1),
                Percent(row.FailingThresholds.For(GatePolicy.Strict), 1),
                Percent(row.FailingThresholds.For(GatePolicy.PointEstimate), 1),
                Percent(row.SuggestedThreshold, 1),
                row.MinimumDetectableRise is { } mdr ? "+" + Percent(mdr, 1) : "–",
                row.PromptsForRise is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) : "–");
        }

        var terminal = Terminal.For(console);
        terminal.Write(table);
        terminal.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Suggested = failing threshold under {options.PolicyText} policy + margin {Percent(options.Margin, 1)}; detectable rises at {Percent(options.Power, 0)} power."));
    }

    private static string Percent(double value, int decimals) =>
        (value * 100).ToString(decimals == 0 ? "0" : "0.0", CultureInfo.InvariantCulture) + " %";
}
