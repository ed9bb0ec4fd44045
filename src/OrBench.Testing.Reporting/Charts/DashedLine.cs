using ScottPlot;
using ScottPlot.Plottables;

using OrBench.Testing.Gates;
namespace OrBench.Testing.Reporting.Charts;

/// <summary>
/// Draws a dashed (or, for a baseline, dotted) line as separate solid segments. Skia's SVG back end cannot express a path effect: a
/// <see cref="LinePattern.Dashed"/> line comes out solid in the report's SVG (and Skia prints "Unsupported path effect in
/// addPaint." on the console), so the report's "dashed line: the gate threshold" would be drawn as a solid one.
/// </summary>
internal static class DashedLine
{
    /// <summary>
    /// Adds the segments from <paramref name="from"/> to <paramref name="to"/> and returns the first, which carries the
    /// legend entry. The line may run past the axis limits: the plot clips it to the data area.
    /// </summary>
    public static LinePlot Add(Plot plot, Coordinates from, Coordinates to, float width, Color color, bool dotted = false)
    {
        // Dashes and gaps as fractions of one period; dotted lines use short dashes with a longer gap.
        var (periods, dash) = dotted ? (120, 0.35) : (48, 0.6);
        LinePlot? first = null;
        for (var i = 0; i < periods; i++)
        {
            var start = (double)i / periods;
            var end = start + (dash / periods);
            var segment = plot.Add.Line(Lerp(from, to, start), Lerp(from, to, end));
            segment.LineWidth = width;
            segment.Color = color;
            first ??= segment;
        }

        return first!;
    }

    private static Coordinates Lerp(Coordinates a, Coordinates b, double t) => new(a.X + ((b.X - a.X) * t), a.Y + ((b.Y - a.Y) * t));
}
