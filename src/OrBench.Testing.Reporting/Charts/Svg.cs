using System.Globalization;
using System.Xml.Linq;

namespace OrBench.Testing.Reporting.Charts;

/// <summary>
/// Builds the report's SVG elements. Text goes in through <see cref="XElement"/>, which escapes it, so model names and
/// categories cannot open a tag; numbers are written with the invariant culture and two decimals at most, so the same
/// data gives the same bytes on every machine.
/// </summary>
internal static class Svg
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    /// <summary>The font stack of every label; the browser picks the first it has, so nothing is measured or embedded.</summary>
    public const string FontFamily = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif";

    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>An element with attributes; null values are left out, doubles are formatted by <see cref="Number"/>.</summary>
    public static XElement Element(string name, params (string Name, object? Value)[] attributes)
    {
        var element = new XElement(Ns + name);
        foreach (var (key, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            element.SetAttributeValue(key, value switch
            {
                double d => Number(d),
                float f => Number(f),
                int i => i.ToString(CultureInfo.InvariantCulture),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            });
        }

        return element;
    }

    public static XElement Group(string? cssClass = null, string? clipId = null) =>
        Element("g", ("class", cssClass), ("clip-path", clipId is null ? null : $"url(#{clipId})"));

    public static XElement Rect(double x, double y, double width, double height, string fill, double? opacity = null, string? cssClass = null) =>
        Element("rect", ("class", cssClass), ("x", x), ("y", y), ("width", Math.Max(0, width)), ("height", Math.Max(0, height)), ("fill", fill), ("fill-opacity", opacity));

    public static XElement Line(double x1, double y1, double x2, double y2, string stroke, double width, string? dash = null, string? cssClass = null) =>
        Element("line", ("class", cssClass), ("x1", x1), ("y1", y1), ("x2", x2), ("y2", y2), ("stroke", stroke), ("stroke-width", width), ("stroke-dasharray", dash));

    public static XElement Circle(double cx, double cy, double r, string fill, double? opacity = null) =>
        Element("circle", ("cx", cx), ("cy", cy), ("r", r), ("fill", fill), ("fill-opacity", opacity));

    /// <summary>A diamond of half-diagonal <paramref name="r"/>; open diamonds are white with a coloured outline.</summary>
    public static XElement Diamond(double cx, double cy, double r, string color, bool open, string? cssClass = null) =>
        Element(
            "polygon",
            ("class", cssClass),
            ("points", $"{Number(cx)},{Number(cy - r)} {Number(cx + r)},{Number(cy)} {Number(cx)},{Number(cy + r)} {Number(cx - r)},{Number(cy)}"),
            ("fill", open ? "#FFFFFF" : color),
            ("stroke", color),
            ("stroke-width", 2.5));

    /// <summary>
    /// A label at (<paramref name="x"/>, <paramref name="y"/>) (the baseline of its first line); each line break starts a
    /// new line 1.2 em lower. <paramref name="anchor"/> is SVG's text-anchor (start, middle, end).
    /// </summary>
    public static XElement Text(double x, double y, string text, double size, string fill, string anchor = "start", bool bold = false, double? rotate = null, string? cssClass = null)
    {
        var element = Element(
            "text",
            ("class", cssClass),
            ("x", x),
            ("y", y),
            ("font-size", size),
            ("fill", fill),
            ("text-anchor", anchor == "start" ? null : anchor),
            ("font-weight", bold ? "bold" : null),
            ("transform", rotate is { } r ? $"rotate({Number(r)} {Number(x)} {Number(y)})" : null));
        var lines = text.Split('\n');
        if (lines.Length == 1)
        {
            element.Value = text;
            return element;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            element.Add(Element("tspan", ("x", x), ("dy", i == 0 ? "0" : "1.2em")).Also(t => t.Value = lines[i]));
        }

        return element;
    }

    /// <summary>
    /// The finished chart: a scalable root (viewBox, no fixed size) with an accessible name, ready to inline into report.html.
    /// </summary>
    public static string Document(int width, int height, string ariaLabel, IEnumerable<XElement> content)
    {
        var root = Element(
            "svg",
            ("viewBox", $"0 0 {width} {height}"),
            ("class", "chart"),
            ("role", "img"),
            ("aria-label", ariaLabel),
            ("font-family", FontFamily));
        root.Add(Element("title").Also(t => t.Value = ariaLabel));
        root.Add(content);
        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>Rough width of a label in pixels (no font is measured): enough to keep labels apart, not to typeset.</summary>
    public static double TextWidth(string text, double size) => text.Length * size * 0.58;

    private static XElement Also(this XElement element, Action<XElement> action)
    {
        action(element);
        return element;
    }
}
