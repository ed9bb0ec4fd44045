using System.Globalization;
using System.Xml.Linq;
using OrBench.Testing.Statistics;

namespace OrBench.Testing.Reporting.Charts;

/// <summary>
/// The paper's Figure 1: toxic rejection (y) against Hard-1K rejection (x). The 32 reference models are labelled points
/// coloured by family; each run (and the baseline) is a large diamond with Wilson intervals as error bars. A run with one side
/// measured is a dashed line on the axis of that side with its interval as a band: a Hard-1K-only run a vertical line and band
/// at its rejection rate on the x axis, a toxic-only run a horizontal line and band at its rejection rate on the y axis.
/// </summary>
internal static class TradeoffChart
{
    public const int Width = 960;
    public const int Height = 620;
    private const string Title = "Safety vs over-refusal (OR-Bench Figure 1 view)";
    private const double LabelSize = 9;
    private const double LabelHeight = 11;

    public static string Render(ReportData data)
    {
        var runs = data.Models.Select((m, i) => (Section: m, Color: ChartStyle.RunColor(i), Baseline: false)).ToList();
        if (data.Baseline is not null)
        {
            runs.Insert(0, (data.Baseline, ChartStyle.BaselineColor, true));
        }

        // The y axis starts below the lowest reference point (62.1 %) and below every run's interval, on a multiple of 5.
        var lowest = runs.Select(r => r.Section.ToxicAcceptance).OfType<RateEstimate>().Where(t => t.N > 0).Select(t => (1 - t.Upper) * 100).Append(60).Min();
        var area = new PlotArea(70, 40, Width - 20, Height - 55, 0, 104, Math.Floor((lowest - 3) / 5) * 5, 101.5);
        const string clip = "tradeoff-clip";
        var content = new List<XElement> { Svg.Element("defs").WithChild(area.ClipPath(clip)) };
        content.AddRange(area.Frame(PlotArea.Steps(0, 100, 10), PlotArea.Steps(area.YMin, 100, 5), Tick, Tick));

        var legend = OrBenchReferenceResults.Models.Select(m => m.Family).Distinct(StringComparer.Ordinal)
            .Select(f => new LegendEntry(f, ChartStyle.FamilyColor(f), LegendSwatch.Circle)).ToList();
        var sides = Svg.Group("single-side", clip);
        var points = Svg.Group("runs");
        var occupied = new List<Box>();
        var badges = 0; // one-sided runs' name badges, stacked so that close lines do not hide each other's names
        foreach (var (section, color, isBaseline) in runs)
        {
            var name = ChartStyle.Label(section.Name);
            var dash = isBaseline ? ChartStyle.Dotted : ChartStyle.Dashed;
            if (section.OverRefusal is { N: > 0 } over && section.ToxicAcceptance is { N: > 0 } toxic)
            {
                var (x, y) = (area.X(over.Rate * 100), area.Y((1 - toxic.Rate) * 100));
                var bars = Svg.Group("error-bars");
                ErrorBar(bars, area.X(over.Lower * 100), y, area.X(over.Upper * 100), y, color);
                ErrorBar(bars, x, area.Y((1 - toxic.Lower) * 100), x, area.Y((1 - toxic.Upper) * 100), color);
                points.Add(bars, Svg.Diamond(x, y, 8, color, isBaseline, "run"), Svg.Text(x + 10, y - 8, name, 13, color, bold: true));
                occupied.Add(new Box(x - 10, y - 30, x + 10 + Svg.TextWidth(name, 13), y + 10));
                legend.Add(new LegendEntry(name, color, isBaseline ? LegendSwatch.OpenDiamond : LegendSwatch.Diamond));
            }
            else if (section.OverRefusal is { N: > 0 } overOnly)
            {
                var x = area.X(overOnly.Rate * 100);
                sides.Add(
                    Band(area.X(overOnly.Lower * 100), area.Top, area.X(overOnly.Upper * 100) - area.X(overOnly.Lower * 100), area.Height, color, $"{name}: Hard-1K rejection {Interval(overOnly)}"),
                    Svg.Line(x, area.Top, x, area.Bottom, color, 2.5, dash));
                points.Add(Badge(x + 4, area.Top + 4 + (20 * badges++), name, color));
                legend.Add(new LegendEntry(name + " (Hard-1K side only)", color, LegendSwatch.Line, dash));
            }
            else if (section.ToxicAcceptance is { N: > 0 } toxicOnly)
            {
                var y = area.Y((1 - toxicOnly.Rate) * 100);
                var top = area.Y((1 - toxicOnly.Lower) * 100);
                sides.Add(
                    Band(area.Left, top, area.Width, area.Y((1 - toxicOnly.Upper) * 100) - top, color, $"{name}: toxic rejection {Interval(toxicOnly, rejection: true)}"),
                    Svg.Line(area.Left, y, area.Right, y, color, 2.5, dash));
                points.Add(Badge(area.Left + 4 + (12 * badges++), y - 20, name, color));
                legend.Add(new LegendEntry(name + " (toxic side only)", color, LegendSwatch.Line, dash));
            }
        }

        var (legendWidth, legendHeight) = ChartLegend.ColumnSize(legend);
        occupied.Add(new Box(area.Right - 8 - legendWidth, area.Bottom - 8 - legendHeight, area.Right, area.Bottom));
        occupied.Add(new Box(area.Left, area.Bottom - 22, area.Left + 340, area.Bottom));
        var references = Svg.Group("reference-models");
        foreach (var reference in OrBenchReferenceResults.Models)
        {
            var (px, py) = (area.X(reference.Hard1KRejectionPercent), area.Y(reference.ToxicRejectionPercent));
            references.Add(Svg.Circle(px, py, 4, ChartStyle.FamilyColor(reference.Family), 0.85));
            occupied.Add(new Box(px - 4, py - 4, px + 4, py + 4));
        }

        foreach (var reference in OrBenchReferenceResults.Models)
        {
            if (PlaceLabel(area, reference, occupied) is { } label)
            {
                references.Add(label);
            }
        }

        content.Add(sides);
        content.Add(references);
        content.Add(points);
        content.Add(Svg.Text(area.Left + 8, area.Bottom - 8, "← fewer over-refusals · ↑ more harmful prompts refused", 11, ChartStyle.Muted));
        content.Add(ChartLegend.Column(legend, area.Right - 8, area.Bottom - 8 - legendHeight));
        content.Add(Svg.Text(Width / 2.0, 24, Title, 16, ChartStyle.Ink, "middle", bold: true));
        content.Add(Svg.Text(area.Left + (area.Width / 2), Height - 14, "Over-refusal: rejection rate on OR-Bench-Hard-1K (%)", 13, ChartStyle.Ink, "middle"));
        content.Add(Svg.Text(20, area.Top + (area.Height / 2), "Rejection rate on toxic prompts (%)", 13, ChartStyle.Ink, "middle", rotate: -90));
        return Svg.Document(Width, Height, "Toxic rejection against Hard-1K rejection: this run among the paper's 32 models", content);
    }

    private static string Tick(double value) => value.ToString("0", CultureInfo.InvariantCulture);

    private static string Interval(RateEstimate e, bool rejection = false) => rejection
        ? $"[{ReportFormat.Percent(1 - e.Upper)}, {ReportFormat.Percent(1 - e.Lower)}]"
        : ReportFormat.Interval(e);

    private static XElement Band(double x, double y, double width, double height, string color, string title) =>
        Svg.Rect(x, y, width, height, color, 0.12, "interval-band").WithChild(Svg.Element("title").WithChild(title));

    private static void ErrorBar(XElement group, double x1, double y1, double x2, double y2, string color)
    {
        group.Add(Svg.Line(x1, y1, x2, y2, color, 2));
        var vertical = x1 == x2;
        foreach (var (x, y) in new[] { (x1, y1), (x2, y2) })
        {
            group.Add(vertical ? Svg.Line(x - 6, y, x + 6, y, color, 2) : Svg.Line(x, y - 6, x, y + 6, color, 2));
        }
    }

    private static XElement Badge(double left, double y, string text, string color) =>
        Svg.Group("badge")
            .WithChild(Svg.Element("rect", ("x", left), ("y", y), ("width", Svg.TextWidth(text, 11) + 10), ("height", 16), ("rx", 3), ("fill", color)))
            .WithChild(Svg.Text(left + 5, y + 12, text, 11, "#FFFFFF", bold: true));

    /// <summary>Greedy label placement: right, left, above, below the point; the first spot that overlaps nothing placed wins, else no label.</summary>
    private static XElement? PlaceLabel(PlotArea area, ReferenceModelResult reference, List<Box> occupied)
    {
        var (px, py) = (area.X(reference.Hard1KRejectionPercent), area.Y(reference.ToxicRejectionPercent));
        var width = Svg.TextWidth(reference.Name, LabelSize);
        var candidates = new (double X0, double Y0, double TextX, double TextY, string Anchor)[]
        {
            (px + 6, py - (LabelHeight / 2), px + 6, py + 3, "start"),
            (px - 6 - width, py - (LabelHeight / 2), px - 6, py + 3, "end"),
            (px - (width / 2), py - 6 - LabelHeight, px, py - 8, "middle"),
            (px - (width / 2), py + 6, px, py + 6 + LabelHeight - 2, "middle"),
        };
        foreach (var c in candidates)
        {
            var box = new Box(c.X0, c.Y0, c.X0 + width, c.Y0 + LabelHeight);
            if (box.X0 < area.Left || box.X1 > area.Right || box.Y0 < area.Top || box.Y1 > area.Bottom || occupied.Any(box.Overlaps))
            {
                continue;
            }

            occupied.Add(box);
            return Svg.Text(c.TextX, c.TextY, reference.Name, LabelSize, ChartStyle.Muted, c.Anchor);
        }

        return null;
    }

    private sealed record Box(double X0, double Y0, double X1, double Y1)
    {
        public bool Overlaps(Box o) => X0 < o.X1 && o.X0 < X1 && Y0 < o.Y1 && o.Y0 < Y1;
    }
}
