using System.Xml.Linq;

namespace OrBench.Testing.Reporting.Charts;

/// <summary>How a legend entry draws its swatch.</summary>
internal enum LegendSwatch
{
    Circle,
    Diamond,
    OpenDiamond,
    Bar,
    Line,
}

/// <summary>One legend entry; <paramref name="Dash"/> is the stroke-dasharray of a <see cref="LegendSwatch.Line"/>.</summary>
internal sealed record LegendEntry(string Text, string Color, LegendSwatch Swatch, string? Dash = null);

/// <summary>A boxed legend, one entry per row (<see cref="Column"/>) or all in one row (<see cref="Row"/>).</summary>
internal static class ChartLegend
{
    private const double FontSize = 11;
    private const double RowHeight = 16;
    private const double SwatchWidth = 22;
    private const double Padding = 6;

    /// <summary>Width and height of <see cref="Column"/>'s box for these entries.</summary>
    public static (double Width, double Height) ColumnSize(IReadOnlyList<LegendEntry> entries) =>
        ((Padding * 2) + SwatchWidth + entries.Select(e => Svg.TextWidth(e.Text, FontSize)).DefaultIfEmpty(0).Max(), (Padding * 2) + (RowHeight * entries.Count));

    /// <summary>The entries stacked in a box whose top-right corner is at (<paramref name="right"/>, <paramref name="top"/>).</summary>
    public static XElement Column(IReadOnlyList<LegendEntry> entries, double right, double top)
    {
        var (width, height) = ColumnSize(entries);
        var left = right - width;
        var group = Svg.Group("legend").WithChild(Box(left, top, width, height));
        for (var i = 0; i < entries.Count; i++)
        {
            Entry(group, entries[i], left + Padding, top + Padding + (RowHeight * i) + (RowHeight / 2));
        }

        return group;
    }

    /// <summary>The entries side by side in one box ending at <paramref name="right"/>, its top at <paramref name="top"/>.</summary>
    public static XElement Row(IReadOnlyList<LegendEntry> entries, double right, double top)
    {
        var widths = entries.Select(e => SwatchWidth + Svg.TextWidth(e.Text, FontSize) + 12).ToList();
        var width = (Padding * 2) + widths.Sum();
        var left = right - width;
        var group = Svg.Group("legend").WithChild(Box(left, top, width, RowHeight + (Padding * 2)));
        var x = left + Padding;
        for (var i = 0; i < entries.Count; i++)
        {
            Entry(group, entries[i], x, top + Padding + (RowHeight / 2));
            x += widths[i];
        }

        return group;
    }

    private static XElement Box(double left, double top, double width, double height) =>
        Svg.Element("rect", ("x", left), ("y", top), ("width", width), ("height", height), ("rx", 3), ("fill", "#FFFFFF"), ("fill-opacity", 0.9), ("stroke", "#D0D7DE"), ("stroke-width", 1));

    private static void Entry(XElement group, LegendEntry entry, double x, double middle)
    {
        var cx = x + (SwatchWidth / 2) - 2;
        group.Add(entry.Swatch switch
        {
            LegendSwatch.Circle => Svg.Circle(cx, middle, 4, entry.Color, 0.85),
            LegendSwatch.Diamond => Svg.Diamond(cx, middle, 5, entry.Color, open: false),
            LegendSwatch.OpenDiamond => Svg.Diamond(cx, middle, 5, entry.Color, open: true),
            LegendSwatch.Bar => Svg.Rect(cx - 6, middle - 5, 12, 10, entry.Color),
            _ => Svg.Line(x, middle, x + SwatchWidth - 4, middle, entry.Color, 2.5, entry.Dash),
        });
        group.Add(Svg.Text(x + SwatchWidth, middle + 4, entry.Text, FontSize, ChartStyle.Ink));
    }
}
