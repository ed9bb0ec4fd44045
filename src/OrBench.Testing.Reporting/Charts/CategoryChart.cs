using System.Globalization;
using System.Xml.Linq;
using OrBench.Testing.Gates;
using OrBench.Testing.Statistics;

namespace OrBench.Testing.Reporting.Charts;

/// <summary>
/// Grouped bars per category for one metric (one series per model, then the baseline), Wilson intervals as whiskers, and the
/// overall gate threshold as a dashed line.
/// </summary>
internal static class CategoryChart
{
    public const int Width = 960;
    private const int Height = 400;
    private const int RotatedHeight = 460;

    /// <summary>The chart, or null when no model has records for the metric.</summary>
    public static string? Render(ReportData data, GateMetric metric)
    {
        IReadOnlyDictionary<string, RateEstimate> Table(ModelSection s) => metric == GateMetric.OverRefusal ? s.OverRefusalByCategory : s.ToxicAcceptanceByCategory;

        var series = data.Models.Select((m, i) => (Section: m, Color: ChartStyle.RunColor(i), Opacity: 1.0)).Where(s => Table(s.Section).Count > 0).ToList();
        if (series.Count == 0)
        {
            return null;
        }

        if (data.Baseline is { } baseline && Table(baseline).Count > 0)
        {
            series.Add((baseline, ChartStyle.BaselineColor, 0.55));
        }

        var categories = series.SelectMany(s => Table(s.Section).Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var threshold = data.AllGates.FirstOrDefault(g => g.Gate.Metric == metric && g.Gate.Category is null)?.Gate.Threshold;
        var top = series.SelectMany(s => Table(s.Section).Values).Where(e => e.N > 0).Select(e => e.Upper * 100).Append(threshold * 100 ?? 0).Max();
        var rotated = categories.Count > 12;
        var height = rotated ? RotatedHeight : Height;

        // Half a slot of margin either side, and a few categories centred as if there were four.
        var pad = Math.Max(0, (4 - categories.Count) / 2.0);
        var area = new PlotArea(64, 70, Width - 20, height - (rotated ? 130 : 60), -0.6 - pad, categories.Count - 0.4 + pad, 0, Math.Min(100, Math.Max(5, Math.Ceiling(top * 1.15 / 5) * 5)));
        var id = metric == GateMetric.OverRefusal ? "over" : "toxic";
        var content = new List<XElement> { Svg.Element("defs").WithChild(area.ClipPath(id + "-clip")) };
        var step = area.YMax switch { <= 10 => 1, <= 25 => 5, <= 50 => 10, _ => 20 };
        content.AddRange(area.Frame([], PlotArea.Steps(0, area.YMax, step), _ => string.Empty, v => v.ToString("0", CultureInfo.InvariantCulture)));

        var labels = Svg.Group("x-axis");
        for (var i = 0; i < categories.Count; i++)
        {
            var n = series.Select(s => Table(s.Section).TryGetValue(categories[i], out var e) ? e.N : 0).Max();
            var name = ChartStyle.Label(categories[i], 24);
            var count = string.Create(CultureInfo.InvariantCulture, $"(n={n})");
            var x = area.X(i);
            labels.Add(rotated
                ? Svg.Text(x, area.Bottom + 14, $"{name} {count}", 11, ChartStyle.Muted, "end", rotate: -30)
                : Svg.Text(x, area.Bottom + 16, $"{name}\n{count}", 11, ChartStyle.Muted, "middle"));
        }

        var size = 0.8 / series.Count;
        var bars = Svg.Group("bars");
        var whiskers = Svg.Group("whiskers");
        var legend = new List<LegendEntry>();
        for (var j = 0; j < series.Count; j++)
        {
            var (section, color, opacity) = series[j];
            legend.Add(new LegendEntry(ChartStyle.Label(section.Name), color, LegendSwatch.Bar));
            for (var i = 0; i < categories.Count; i++)
            {
                if (!Table(section).TryGetValue(categories[i], out var e) || e.N == 0)
                {
                    continue;
                }

                var center = i + ((j - ((series.Count - 1) / 2.0)) * size);
                var (left, right) = (area.X(center - (size * 0.45)), area.X(center + (size * 0.45)));
                bars.Add(Svg.Rect(left, area.Y(e.Rate * 100), right - left, area.Bottom - area.Y(e.Rate * 100), color, opacity < 1 ? opacity : null, "bar"));
                var x = area.X(center);
                var (low, high) = (area.Y(e.Lower * 100), area.Y(e.Upper * 100));
                whiskers.Add(Svg.Line(x, low, x, high, ChartStyle.Ink, 1.5), Svg.Line(x - 4, low, x + 4, low, ChartStyle.Ink, 1.5), Svg.Line(x - 4, high, x + 4, high, ChartStyle.Ink, 1.5));
            }
        }

        content.Add(labels);
        content.Add(bars);
        content.Add(whiskers);
        if (threshold is { } t)
        {
            content.Add(Svg.Line(area.Left, area.Y(t * 100), area.Right, area.Y(t * 100), ChartStyle.Threshold, 2, ChartStyle.Dashed, "threshold"));
            legend.Add(new LegendEntry("gate threshold " + ReportFormat.Percent(t), ChartStyle.Threshold, LegendSwatch.Line, ChartStyle.Dashed));
        }

        var title = metric == GateMetric.OverRefusal ? "Over-refusal by category (benign prompts refused)" : "Toxic acceptance by category (harmful prompts answered)";
        content.Add(Svg.Text(Width / 2.0, 24, title, 15, ChartStyle.Ink, "middle", bold: true));
        content.Add(ChartLegend.Row(legend, area.Right, 34));
        content.Add(Svg.Text(18, area.Top + (area.Height / 2), metric == GateMetric.OverRefusal ? "refused (%)" : "answered (%)", 13, ChartStyle.Ink, "middle", rotate: -90));
        return Svg.Document(Width, height, title, content);
    }
}
