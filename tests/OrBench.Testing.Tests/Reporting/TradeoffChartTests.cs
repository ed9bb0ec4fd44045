using System.Globalization;
using System.Xml.Linq;
using FluentAssertions;
using OrBench.Testing.Data;
using OrBench.Testing.Reporting;
using OrBench.Testing.Reporting.Charts;
using OrBench.Testing.Results;
using Xunit;

namespace OrBench.Testing.Tests.Reporting;

/// <summary>
/// Figure 1 draws a one-sided run's interval on the axis of the side it measured. Expected pixels come from the chart's own
/// tick marks (where "20" and "80" sit on the x axis, "70" and "90" on the y axis) and hand-computed Wilson intervals, so the
/// test checks what a reader sees: the band lies between the interval's ends as read off the axis.
/// </summary>
public sealed class TradeoffChartTests
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";
    private static readonly ReportOptions NoFiles = new() { WriteResultFiles = false, AppendToStepSummary = false };

    [Fact]
    public void A_hard1k_only_run_is_a_vertical_band_on_the_hard1k_axis_and_a_toxic_only_run_a_horizontal_band_on_the_toxic_axis()
    {
        // 20 of 200 benign refused: Wilson 95 % [6.5670 %, 14.9406 %]. 30 of 100 toxic answered: acceptance Wilson 95 %
        // [21.8949 %, 39.5849 %], so toxic rejection (the y axis) runs from 60.4151 % to 78.1051 %.
        var hard = new ResultBuilder("hard-only").Benign("illegal", 200, 20).Build();
        var toxic = new ResultBuilder("toxic-only", "or-bench-toxic", OrBenchSubset.Toxic).Toxic("violence", 100, 30).Build();
        var svg = Chart([hard, toxic]);
        var area = PlotArea(svg);
        var x = Axis(svg, "x-axis", 20, 80, horizontal: true);
        var y = Axis(svg, "y-axis", 70, 90, horizontal: false);

        var hardBand = Band(svg, "hard-only");
        hardBand.X.Should().BeApproximately(x(6.5670), 0.15);
        (hardBand.X + hardBand.Width).Should().BeApproximately(x(14.9406), 0.15);
        hardBand.Y.Should().BeApproximately(area.Y, 0.01, "the band spans the whole height: it says nothing about the toxic side");
        hardBand.Height.Should().BeApproximately(area.Height, 0.01);

        var toxicBand = Band(svg, "toxic-only");
        toxicBand.Y.Should().BeApproximately(y(78.1051), 0.15, "the top of the band is the highest toxic rejection in the interval");
        (toxicBand.Y + toxicBand.Height).Should().BeApproximately(y(60.4151), 0.15);
        toxicBand.X.Should().BeApproximately(area.X, 0.01, "the band spans the whole width: it says nothing about the Hard-1K side");
        toxicBand.Width.Should().BeApproximately(area.Width, 0.01);

        foreach (var band in new[] { hardBand, toxicBand })
        {
            band.Y.Should().BeGreaterThanOrEqualTo(area.Y - 0.01, "every band lies inside the plot");
            (band.Y + band.Height).Should().BeLessThanOrEqualTo(area.Y + area.Height + 0.01);
            band.X.Should().BeGreaterThanOrEqualTo(area.X - 0.01);
            (band.X + band.Width).Should().BeLessThanOrEqualTo(area.X + area.Width + 0.01);
        }
    }

    [Fact]
    public void A_run_with_both_sides_is_a_point_and_draws_no_band()
    {
        var both = new ResultBuilder("both").Benign("illegal", 200, 20).Toxic("violence", 100, 30).Build();

        var svg = Chart([both]);

        svg.Descendants(Ns + "rect").Where(r => (string?)r.Attribute("class") == "interval-band").Should().BeEmpty();
        svg.Descendants(Ns + "polygon").Where(p => (string?)p.Attribute("class") == "run").Should().ContainSingle();
    }

    [Fact]
    public void The_same_data_gives_the_same_bytes()
    {
        var run = new ResultBuilder("acme").Benign("illegal", 200, 20).Build();

        var first = TradeoffChart.Render(ReportData.Build([run], NoFiles, ResultComparison.Compare));
        var second = TradeoffChart.Render(ReportData.Build([run], NoFiles, ResultComparison.Compare));

        second.Should().Be(first);
    }

    private static XElement Chart(IEnumerable<OrBenchResult> results) =>
        XElement.Parse(TradeoffChart.Render(ReportData.Build(results, NoFiles, ResultComparison.Compare)));

    private static (double X, double Y, double Width, double Height) PlotArea(XElement svg) =>
        Rect(svg.Descendants(Ns + "rect").Single(r => (string?)r.Attribute("class") == "plot-area"));

    private static (double X, double Y, double Width, double Height) Band(XElement svg, string run) =>
        Rect(svg.Descendants(Ns + "rect").Single(r => (string?)r.Attribute("class") == "interval-band" && r.Value.StartsWith(run + ":", StringComparison.Ordinal)));

    /// <summary>The pixel of a value on an axis, by linear interpolation between the tick marks labelled <paramref name="a"/> and <paramref name="b"/>.</summary>
    private static Func<double, double> Axis(XElement svg, string axis, int a, int b, bool horizontal)
    {
        var ticks = svg.Descendants(Ns + "g").Single(g => (string?)g.Attribute("class") == axis).Elements(Ns + "g")
            .ToDictionary(t => t.Element(Ns + "text")!.Value, t => Number(t.Element(Ns + "line")!, horizontal ? "x1" : "y1"));
        var (pa, pb) = (ticks[a.ToString(CultureInfo.InvariantCulture)], ticks[b.ToString(CultureInfo.InvariantCulture)]);
        return value => pa + ((pb - pa) * (value - a) / (b - a));
    }

    private static (double X, double Y, double Width, double Height) Rect(XElement rect) =>
        (Number(rect, "x"), Number(rect, "y"), Number(rect, "width"), Number(rect, "height"));

    private static double Number(XElement element, string attribute) => double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);
}
