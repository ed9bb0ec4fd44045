using FluentAssertions;
using OrBench.Testing.Reporting.Charts;
using Xunit;

namespace OrBench.Testing.Tests.Reporting;

public sealed class SvgInlinerTests
{
    private const string Svg = """
<?xml version="1.0" encoding="utf-8" ?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="600" height="400" onload="alert(1)">
<clipPath id="cl_4"><rect x="1" y="2" width="3" height="4"/></clipPath>
<g clip-path="url(#cl_4)"><text>a &lt;b&gt;</text></g>
<script>alert(2)</script>
<foreignObject><div>x</div></foreignObject>
<a xlink:href="javascript:alert(3)"><rect/></a>
<image href="https://example.com/x.png"/>
</svg>
""";

    [Fact]
    public void Keeps_drawing_drops_active_content_and_prefixes_ids()
    {
        var inlined = SvgInliner.Inline(Svg, "c1-", "label");

        inlined.Should().NotContain("script").And.NotContain("onload").And.NotContain("foreignObject").And.NotContain("javascript").And.NotContain("example.com");
        inlined.Should().Contain("<clipPath id=\"c1-0\">").And.Contain("clip-path=\"url(#c1-0)\"");
        inlined.Should().Contain("<text>a &lt;b&gt;</text>");
        inlined.Should().Contain("viewBox=\"0 0 600 400\"").And.NotContain("width=\"600\"");
        inlined.Should().StartWith("<svg").And.Contain("role=\"img\"").And.Contain("aria-label=\"label\"");
    }

    [Fact]
    public void Rejects_a_document_type_declaration()
    {
        var act = () => SvgInliner.Inline("<!DOCTYPE svg [<!ENTITY x 'y'>]><svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>", "p-", "l");

        act.Should().Throw<System.Xml.XmlException>();
    }
}
