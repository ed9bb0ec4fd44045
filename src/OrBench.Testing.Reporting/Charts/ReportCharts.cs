using OrBench.Testing.Gates;
using OrBench.Testing.Statistics;
using ScottPlot;
using ScottPlot.Plottables;

namespace OrBench.Testing.Reporting.Charts;

/// <summary>The report's charts, drawn with ScottPlot and returned as sanitised inline SVG.</summary>
internal static class ReportCharts
{
    private const int TradeoffWidth = 960;
    private const int TradeoffHeight = 620;
    private const int CategoryWidth = 960;
    private const int CategoryHeight = 400;

    /// <summary>
    /// The paper's Figure 1: toxic rejection (y) against Hard-1K rejection (x). The 32 reference models are labelled points
    /// coloured by family; each run (and the baseline) is a large marker with Wilson intervals as error bars. A run with only
    /// one side measured is drawn as a line with its interval as a band.
    /// </summary>
    public static string Tradeoff(ReportData data)
    {
        var plot = ChartStyle.NewPlot();
        foreach (var family in OrBenchReferenceResults.Models.GroupBy(m => m.Family))
        {
            var markers = plot.Add.Markers(
                family.Select(m => m.Hard1KRejectionPercent).ToArray(),
                family.Select(m => m.ToxicRejectionPercent).ToArray(),
                MarkerShape.FilledCircle,
                8,
                ChartStyle.FamilyColor(family.Key).WithAlpha(0.85));
            markers.LegendText = family.Key;
        }

        var minY = 60.0;
        var runs = data.Models.Select((m, i) => (Section: m, Color: ChartStyle.RunColor(i), Baseline: false)).ToList();
        if (data.Baseline is not null)
        {
            runs.Insert(0, (data.Baseline, ChartStyle.BaselineColor, true));
        }

        foreach (var (section, color, isBaseline) in runs)
        {
            var name = ChartStyle.Label(section.Name);
            var over = section.OverRefusal;
            var toxic = section.ToxicAcceptance;
            if (over is { N: > 0 } && toxic is { N: > 0 })
            {
                var x = over.Rate * 100;
                var y = (1 - toxic.Rate) * 100;
                minY = Math.Min(minY, (1 - toxic.Upper) * 100);
                var bars = new ErrorBar(
                    [x], [y],
                    [(over.Upper - over.Rate) * 100], [(over.Rate - over.Lower) * 100],
                    [(toxic.Rate - toxic.Lower) * 100], [(toxic.Upper - toxic.Rate) * 100])
                {
                    Color = color,
                    LineWidth = 2,
                    CapSize = 6,
                };
                plot.Add.Plottable(bars);
                var marker = plot.Add.Marker(x, y, isBaseline ? MarkerShape.OpenDiamond : MarkerShape.FilledDiamond, 16, color);
                marker.MarkerLineWidth = 2.5f;
                marker.LegendText = name;
                var text = plot.Add.Text(name, x, y);
                text.LabelFontSize = 13;
                text.LabelBold = true;
                text.LabelFontColor = color;
                text.LabelAlignment = Alignment.LowerLeft;
                text.OffsetX = 10;
                text.OffsetY = -8;
            }
            else if (over is { N: > 0 })
            {
                plot.Add.VerticalSpan(over.Lower * 100, over.Upper * 100, color.WithAlpha(0.12));
                // The axis line only carries the name badge; the visible line is drawn in dashes (see DashedLine).
                var line = plot.Add.VerticalLine(over.Rate * 100, 0, color);
                DashedLine.Add(plot, new(over.Rate * 100, -10), new(over.Rate * 100, 105), 2.5f, color, dotted: isBaseline)
                    .LegendText = name + " (Hard-1K side only)";
                line.LabelText = name;
                line.LabelFontColor = Colors.White;
                line.LabelBackgroundColor = color;
                line.LabelOppositeAxis = true;
            }
            else if (toxic is { N: > 0 })
            {
                minY = Math.Min(minY, (1 - toxic.Upper) * 100);
                plot.Add.HorizontalSpan((1 - toxic.Upper) * 100, (1 - toxic.Lower) * 100, color.WithAlpha(0.12));
                var line = plot.Add.HorizontalLine((1 - toxic.Rate) * 100, 0, color);
                DashedLine.Add(plot, new(-5, (1 - toxic.Rate) * 100), new(110, (1 - toxic.Rate) * 100), 2.5f, color, dotted: isBaseline)
                    .LegendText = name + " (toxic side only)";
                line.LabelText = name;
                line.LabelFontColor = Colors.White;
                line.LabelBackgroundColor = color;
                line.LabelOppositeAxis = true;
            }
        }

        var bottom = Math.Floor((minY - 3) / 5) * 5;
        var occupied = new List<(double X0, double Y0, double X1, double Y1)>
        {
            (AreaRight - 230, AreaBottom - 200, AreaRight, AreaBottom), // legend
            (AreaLeft, AreaBottom - 22, AreaLeft + 340, AreaBottom), // reading hint
        };
        foreach (var reference in OrBenchReferenceResults.Models)
        {
            var (px, py) = ToPixel(reference.Hard1KRejectionPercent, reference.ToxicRejectionPercent, bottom);
            occupied.Add((px - 4, py - 4, px + 4, py + 4));
        }

        foreach (var (section, _, _) in runs)
        {
            if (section.OverRefusal is { N: > 0 } o && section.ToxicAcceptance is { N: > 0 } t)
            {
                var (px, py) = ToPixel(o.Rate * 100, (1 - t.Rate) * 100, bottom);
                occupied.Add((px - 10, py - 30, px + 10 + (7.5 * ChartStyle.Label(section.Name).Length), py + 10));
            }
        }

        foreach (var reference in OrBenchReferenceResults.Models)
        {
            if (PlaceLabel(reference, bottom, occupied) is not { } placement)
            {
                continue;
            }

            var label = plot.Add.Text(reference.Name, reference.Hard1KRejectionPercent, reference.ToxicRejectionPercent);
            label.LabelFontSize = 9;
            label.LabelFontColor = ChartStyle.Muted;
            label.LabelAlignment = placement.Alignment;
            label.OffsetX = placement.OffsetX;
            label.OffsetY = placement.OffsetY;
        }

        var better = plot.Add.Text("← fewer over-refusals · ↑ more harmful prompts refused", 1.5, bottom + 1.5);
        better.LabelFontSize = 11;
        better.LabelFontColor = ChartStyle.Muted;
        better.LabelAlignment = Alignment.LowerLeft;

        plot.Title("Safety vs over-refusal (OR-Bench Figure 1 view)", 16);
        plot.XLabel("Over-refusal: rejection rate on OR-Bench-Hard-1K (%)", 13);
        plot.YLabel("Rejection rate on toxic prompts (%)", 13);
        plot.Axes.SetLimits(0, 104, bottom, 101.5);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(10);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(5);
        plot.Layout.Fixed(new PixelPadding((float)AreaLeft, (float)(TradeoffWidth - AreaRight), (float)(TradeoffHeight - AreaBottom), (float)AreaTop));
        plot.ShowLegend(Alignment.LowerRight);
        return SvgInliner.Inline(plot.GetSvgXml(TradeoffWidth, TradeoffHeight), "tradeoff-", "Toxic rejection against Hard-1K rejection: this run among the paper's 32 models");
    }

    // The category chart's x limits: half a slot of margin, and a few categories centred as if there were four.
    private static double Left(int categories) => -0.6 - Math.Max(0, (4 - categories) / 2.0);

    private static double Right(int categories) => categories - 0.4 + Math.Max(0, (4 - categories) / 2.0);

    // Approximate pixel geometry of the data area, enough to keep reference labels from overlapping each other.
    private const double AreaLeft = 70;
    private const double AreaRight = TradeoffWidth - 20;
    private const double AreaTop = 40;
    private const double AreaBottom = TradeoffHeight - 55;
    private const double LabelCharWidth = 5.3;
    private const double LabelHeight = 11;

    private static (double X, double Y) ToPixel(double x, double y, double bottom) =>
        (AreaLeft + ((AreaRight - AreaLeft) * x / 104), AreaBottom - ((AreaBottom - AreaTop) * (y - bottom) / (101.5 - bottom)));

    /// <summary>Greedy label placement: right, left, above, below the point; the first spot that overlaps no earlier label wins, else no label.</summary>
    private static (Alignment Alignment, float OffsetX, float OffsetY)? PlaceLabel(ReferenceModelResult reference, double bottom, List<(double X0, double Y0, double X1, double Y1)> occupied)
    {
        var (px, py) = ToPixel(reference.Hard1KRejectionPercent, reference.ToxicRejectionPercent, bottom);
        var width = reference.Name.Length * LabelCharWidth;
        var candidates = new (Alignment Alignment, float OffsetX, float OffsetY, double X0, double Y0)[]
        {
            (Alignment.MiddleLeft, 6, 0, px + 6, py - (LabelHeight / 2)),
            (Alignment.MiddleRight, -6, 0, px - 6 - width, py - (LabelHeight / 2)),
            (Alignment.LowerCenter, 0, -6, px - (width / 2), py - 6 - LabelHeight),
            (Alignment.UpperCenter, 0, 6, px - (width / 2), py + 6),
        };
        foreach (var c in candidates)
        {
            var box = (c.X0, c.Y0, c.X0 + width, c.Y0 + LabelHeight);
            if (box.Item1 < AreaLeft || box.Item3 > AreaRight || box.Item2 < AreaTop || box.Item4 > AreaBottom)
            {
                continue;
            }

            if (!occupied.Any(o => box.Item1 < o.X1 && o.X0 < box.Item3 && box.Item2 < o.Y1 && o.Y0 < box.Item4))
            {
                occupied.Add(box);
                return (c.Alignment, c.OffsetX, c.OffsetY);
            }
        }

        return null;
    }

    /// <summary>
    /// Grouped bars per category for one metric (one series per model, then the baseline), Wilson intervals as error bars,
    /// and the overall gate threshold as a dashed line. Null when no model has records for the metric.
    /// </summary>
    public static string? Categories(ReportData data, GateMetric metric)
    {
        IReadOnlyDictionary<string, RateEstimate> Table(ModelSection s) => metric == GateMetric.OverRefusal ? s.OverRefusalByCategory : s.ToxicAcceptanceByCategory;

        var series = data.Models.Select((m, i) => (Section: m, Color: ChartStyle.RunColor(i))).Where(s => Table(s.Section).Count > 0).ToList();
        if (series.Count == 0)
        {
            return null;
        }

        if (data.Baseline is { } baseline && Table(baseline).Count > 0)
        {
            series.Add((baseline, ChartStyle.BaselineColor.WithAlpha(0.55)));
        }

        var categories = series.SelectMany(s => Table(s.Section).Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var plot = ChartStyle.NewPlot();
        var size = 0.8 / series.Count;
        var top = 0.0;
        for (var j = 0; j < series.Count; j++)
        {
            var (section, color) = series[j];
            var bars = new List<Bar>();
            var xs = new List<double>();
            var ys = new List<double>();
            var up = new List<double>();
            var down = new List<double>();
            for (var i = 0; i < categories.Count; i++)
            {
                if (!Table(section).TryGetValue(categories[i], out var e) || e.N == 0)
                {
                    continue;
                }

                var x = i + ((j - ((series.Count - 1) / 2.0)) * size);
                bars.Add(new Bar { Position = x, Value = e.Rate * 100, Size = size * 0.9, FillColor = color, LineWidth = 0 });
                xs.Add(x);
                ys.Add(e.Rate * 100);
                up.Add((e.Upper - e.Rate) * 100);
                down.Add((e.Rate - e.Lower) * 100);
                top = Math.Max(top, e.Upper * 100);
            }

            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = ChartStyle.Label(section.Name);
            var errors = new ErrorBar(xs, ys, null, null, up, down) { Color = ChartStyle.Ink, LineWidth = 1.5f, CapSize = 4 };
            plot.Add.Plottable(errors);
        }

        var threshold = data.AllGates.FirstOrDefault(g => g.Gate.Metric == metric && g.Gate.Category is null)?.Gate.Threshold;
        if (threshold is { } t)
        {
            var line = DashedLine.Add(plot, new(Left(categories.Count), t * 100), new(Right(categories.Count), t * 100), 2, ChartStyle.Threshold);
            line.LegendText = "gate threshold " + ReportFormat.Percent(t);
            top = Math.Max(top, t * 100);
        }

        var counts = categories.Select(c => series.Select(s => Table(s.Section).TryGetValue(c, out var e) ? e.N : 0).Max()).ToList();
        plot.Axes.Bottom.SetTicks(
            Enumerable.Range(0, categories.Count).Select(i => (double)i).ToArray(),
            categories.Select((c, i) => $"{ChartStyle.Label(c, 24)}\n(n={counts[i]})").ToArray());
        if (categories.Count > 12)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -30;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        }

        var title = metric == GateMetric.OverRefusal ? "Over-refusal by category (benign prompts refused)" : "Toxic acceptance by category (harmful prompts answered)";
        plot.Title(title, 15);
        plot.YLabel(metric == GateMetric.OverRefusal ? "refused (%)" : "answered (%)", 13);
        plot.Axes.SetLimits(Left(categories.Count), Right(categories.Count), 0, Math.Min(100, Math.Max(5, Math.Ceiling(top * 1.15 / 5) * 5)));
        plot.ShowLegend(Alignment.UpperRight);
        var id = metric == GateMetric.OverRefusal ? "over-" : "toxic-";
        return SvgInliner.Inline(plot.GetSvgXml(CategoryWidth, CategoryHeight), id, title);
    }
}
