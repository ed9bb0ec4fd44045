using System.Xml.Linq;

namespace OrBench.Testing.Reporting.Charts;

/// <summary>
/// The data rectangle of a chart (in pixels) and the linear axis ranges it shows. Everything plotted goes through
/// <see cref="X"/> and <see cref="Y"/>, so a point's pixel position follows from the axis ranges alone.
/// </summary>
internal sealed record PlotArea(double Left, double Top, double Right, double Bottom, double XMin, double XMax, double YMin, double YMax)
{
    public double Width => Right - Left;

    public double Height => Bottom - Top;

    public double X(double value) => Left + (Width * (value - XMin) / (XMax - XMin));

    public double Y(double value) => Bottom - (Height * (value - YMin) / (YMax - YMin));

    /// <summary>The clip path that keeps lines and bands inside the data rectangle.</summary>
    public XElement ClipPath(string id) => Svg.Element("clipPath", ("id", id)).WithChild(Svg.Rect(Left, Top, Width, Height, "#FFFFFF"));

    /// <summary>
    /// Background, grid lines, the frame and the ticks with their labels. Each tick is a <c>g.tick</c> holding its tick mark
    /// and its label, so a reader (or a test) can map a value to its pixel from what the chart shows.
    /// </summary>
    public IEnumerable<XElement> Frame(IEnumerable<double> xTicks, IEnumerable<double> yTicks, Func<double, string> xLabel, Func<double, string> yLabel)
    {
        yield return Svg.Rect(Left, Top, Width, Height, "#FBFBFC", cssClass: "plot-area");
        var grid = Svg.Group("grid");
        var xAxis = Svg.Group("x-axis");
        var yAxis = Svg.Group("y-axis");
        foreach (var value in xTicks)
        {
            var x = X(value);
            grid.Add(Svg.Line(x, Top, x, Bottom, "#E6E8EB", 1));
            xAxis.Add(Svg.Group("tick").WithChild(Svg.Line(x, Bottom, x, Bottom + 5, ChartStyle.Muted, 1)).WithChild(Svg.Text(x, Bottom + 18, xLabel(value), 11, ChartStyle.Muted, "middle")));
        }

        foreach (var value in yTicks)
        {
            var y = Y(value);
            grid.Add(Svg.Line(Left, y, Right, y, "#E6E8EB", 1));
            yAxis.Add(Svg.Group("tick").WithChild(Svg.Line(Left - 5, y, Left, y, ChartStyle.Muted, 1)).WithChild(Svg.Text(Left - 8, y + 4, yLabel(value), 11, ChartStyle.Muted, "end")));
        }

        yield return grid;
        yield return Svg.Element("rect", ("x", Left), ("y", Top), ("width", Width), ("height", Height), ("fill", "none"), ("stroke", ChartStyle.Muted), ("stroke-width", 1));
        yield return xAxis;
        yield return yAxis;
    }

    /// <summary>Values from the first multiple of <paramref name="step"/> at or above <paramref name="from"/> up to <paramref name="to"/>.</summary>
    public static IEnumerable<double> Steps(double from, double to, double step)
    {
        for (var v = Math.Ceiling(from / step) * step; v <= to + 1e-9; v += step)
        {
            yield return Math.Round(v, 6);
        }
    }
}

/// <summary>Fluent child adding for the chart builders.</summary>
internal static class XElementExtensions
{
    public static XElement WithChild(this XElement element, object? child)
    {
        element.Add(child);
        return element;
    }
}
