using System.Globalization;
using System.Xml;
using System.Xml.Linq;

using OrBench.Testing.Gates;
namespace OrBench.Testing.Reporting.Charts;

/// <summary>
/// Prepares a chart's SVG for inlining into report.html. Defence in depth on top of the renderer's own escaping: the SVG
/// is parsed as XML (no DTD), only drawing elements survive (no script, foreignObject, links, images or animation), event
/// handler attributes and non-local references are dropped, and ids are renumbered with a per-chart prefix so several charts on
/// one page never resolve each other's clip paths and the output does not depend on what was rendered before.
/// </summary>
internal static class SvgInliner
{
    private static readonly HashSet<string> AllowedElements = new(StringComparer.Ordinal)
    {
        "svg", "g", "defs", "clipPath", "mask", "pattern", "rect", "path", "ellipse", "circle", "line", "polyline", "polygon",
        "text", "tspan", "linearGradient", "radialGradient", "stop", "title", "desc",
    };

    public static string Inline(string svgXml, string idPrefix, string ariaLabel)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        XDocument document;
        using (var reader = XmlReader.Create(new StringReader(svgXml), settings))
        {
            document = XDocument.Load(reader);
        }

        var root = document.Root ?? throw new InvalidOperationException("The chart renderer produced an empty SVG document.");
        foreach (var element in root.DescendantsAndSelf().Where(e => !AllowedElements.Contains(e.Name.LocalName)).ToList())
        {
            element.Remove();
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in root.DescendantsAndSelf())
        {
            foreach (var attribute in element.Attributes().ToList())
            {
                var name = attribute.Name.LocalName;
                var value = attribute.Value;
                if (attribute.IsNamespaceDeclaration)
                {
                    continue;
                }

                if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                    || value.Contains("javascript:", StringComparison.OrdinalIgnoreCase)
                    || (name == "href" && !value.StartsWith('#'))
                    || (value.Contains("url(", StringComparison.OrdinalIgnoreCase) && !value.Contains("url(#", StringComparison.Ordinal)))
                {
                    attribute.Remove();
                }
                else if (name == "id")
                {
                    // Renumbered, not just prefixed: the renderer numbers clip paths with a process-wide counter.
                    var renamed = idPrefix + ids.Count.ToString(CultureInfo.InvariantCulture);
                    ids[value] = renamed;
                    attribute.Value = renamed;
                }
            }
        }

        foreach (var attribute in root.DescendantsAndSelf().SelectMany(e => e.Attributes()))
        {
            if (attribute.Value.Contains("url(#", StringComparison.Ordinal))
            {
                attribute.Value = RewriteUrls(attribute.Value, ids);
            }
            else if (attribute.Name.LocalName == "href" && ids.TryGetValue(attribute.Value[1..], out var renamed))
            {
                attribute.Value = "#" + renamed;
            }
        }

        var width = root.Attribute("width")?.Value;
        var height = root.Attribute("height")?.Value;
        if (width is not null && height is not null && root.Attribute("viewBox") is null)
        {
            root.SetAttributeValue("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {width} {height}"));
        }

        root.SetAttributeValue("width", null);
        root.SetAttributeValue("height", null);
        root.SetAttributeValue("role", "img");
        root.SetAttributeValue("aria-label", ariaLabel);
        root.SetAttributeValue("class", "chart");
        return root.ToString(SaveOptions.DisableFormatting);
    }

    private static string RewriteUrls(string value, Dictionary<string, string> ids)
    {
        var start = 0;
        var result = new System.Text.StringBuilder();
        while (true)
        {
            var at = value.IndexOf("url(#", start, StringComparison.Ordinal);
            if (at < 0)
            {
                result.Append(value, start, value.Length - start);
                return result.ToString();
            }

            var end = value.IndexOf(')', at);
            if (end < 0)
            {
                result.Append(value, start, value.Length - start);
                return result.ToString();
            }

            var id = value[(at + 5)..end];
            result.Append(value, start, at - start).Append("url(#").Append(ids.TryGetValue(id, out var renamed) ? renamed : id).Append(')');
            start = end + 1;
        }
    }
}
