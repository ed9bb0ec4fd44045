using System.Text.RegularExpressions;
using OrBench.Testing.Data;
using OrBench.Testing.Reporting;
using Xunit;

namespace OrBench.Testing.Tests.Reporting;

public sealed class ZzDumpCharts
{
    [Fact]
    public void Dump()
    {
        var o = new ReportOptions { WriteResultFiles = false, AppendToStepSummary = false };
        var both = new ResultBuilder("acme-both").Benign("illegal", 200, 20).Benign("privacy", 50, 9).Toxic("violence", 100, 30).Build();
        var hard = new ResultBuilder("hard-only").Benign("illegal", 200, 20).Build();
        var toxic = new ResultBuilder("toxic-only", "or-bench-toxic", OrBenchSubset.Toxic).Toxic("violence", 100, 30).Build();
        var html = ReportWriter.Render([both, hard, toxic, SampleResults.Hard1K200()], o).Html;
        var i = 0;
        foreach (Match m in Regex.Matches(html, "<svg.*?</svg>", RegexOptions.Singleline))
        {
            File.WriteAllText($"/tmp/chart{i++}.svg", m.Value.Replace("<svg ", "<svg width=\"960\" "));
        }
        File.WriteAllText("/tmp/report.html", html);
        File.WriteAllText("/tmp/report.md", ReportWriter.Render([both, hard, toxic], o).Markdown);
    }
}
