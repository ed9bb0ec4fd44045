using System.Security.Cryptography;
using System.Text;
using OrBench.Testing.Classification;
using OrBench.Testing.Data;
using OrBench.Testing.Gates;
using OrBench.Testing.Reporting.Charts;
using OrBench.Testing.Results;
using OrBench.Testing.Statistics;
using static OrBench.Testing.Reporting.ReportFormat;

namespace OrBench.Testing.Reporting;

/// <summary>
/// Renders report.html: one self-contained page (inline CSS, one inline script, inline SVG charts; a Content-Security-Policy
/// forbids every fetch and any other script). Every piece of prompt, response, model and metadata text is HTML-encoded.
/// </summary>
internal static class HtmlReport
{
    /// <summary>The only script on the page: filters the records table. Static text, never built from data.</summary>
    internal const string FilterScript = """
(function () {
  var table = document.getElementById('records');
  if (!table) { return; }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var controls = ['f-model', 'f-category', 'f-verdict', 'f-against', 'f-text'].map(function (id) { return document.getElementById(id); });
  var count = document.getElementById('f-count');
  function apply() {
    var model = controls[0] ? controls[0].value : '', category = controls[1].value, verdict = controls[2].value;
    var against = controls[3].checked, text = controls[4].value.toLowerCase(), shown = 0;
    rows.forEach(function (row) {
      var ok = (!model || row.dataset.model === model) && (!category || row.dataset.category === category) &&
        (!verdict || row.dataset.verdict === verdict) && (!against || row.dataset.against === '1') &&
        (!text || row.textContent.toLowerCase().indexOf(text) >= 0);
      row.hidden = !ok;
      if (ok) { shown++; }
    });
    count.textContent = shown + ' of ' + rows.length + ' records shown';
  }
  controls.forEach(function (c) { if (c) { c.addEventListener('input', apply); c.addEventListener('change', apply); } });
  apply();
})();
""";

    private const string Styles = """
:root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; --pass: #1a7f37; --fail: #cf222e; --warn: #9a6700; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink); background: #fff; }
header { background: #0d1117; color: #f0f6fc; padding: 20px 32px; }
header h1 { margin: 0 0 4px; font-size: 22px; font-weight: 600; }
header .facts { color: #c9d1d9; font-size: 13px; }
header .verdict { display: inline-block; margin-left: 12px; padding: 2px 10px; border-radius: 12px; font-size: 13px; font-weight: 600; vertical-align: middle; }
.verdict.pass { background: var(--pass); color: #fff; } .verdict.fail { background: var(--fail); color: #fff; } .verdict.none { background: #6e7781; color: #fff; } .verdict.warn { background: var(--warn); color: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 8px 32px 48px; }
h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
.banner { border: 1px solid #d4a72c; background: #fff8c5; color: #3b2300; border-radius: 6px; padding: 10px 14px; margin: 16px 0 0; }
.banner strong { color: var(--warn); }
.banner ul { margin: 4px 0 0; padding-left: 20px; }
.badge { display: inline-block; min-width: 52px; text-align: center; padding: 1px 8px; border-radius: 10px; font-size: 11px; font-weight: 700; letter-spacing: .04em; color: #fff; }
.badge.pass { background: var(--pass); } .badge.fail { background: var(--fail); } .badge.none { background: #6e7781; } .badge.inconclusive { background: var(--warn); } .badge.undecided { background: #8250df; }
.gate-notes { margin: 8px 0 16px; padding-left: 18px; } .gate-notes li { margin: 4px 0; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.failed td { background: #ffebe9; }
.status { font-size: 15px; }
figure { margin: 12px 0 20px; border: 1px solid var(--line); border-radius: 6px; padding: 8px; background: #fff; }
figure svg.chart { display: block; width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 12px; padding: 6px 4px 0; }
.filters { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin: 8px 0 10px; font-size: 13px; }
.filters select, .filters input[type=search] { font: inherit; padding: 4px 6px; border: 1px solid var(--line); border-radius: 6px; }
#f-count { color: var(--muted); margin-left: auto; }
td.id, td.verdict { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; white-space: nowrap; }
td.text { max-width: 460px; overflow-wrap: anywhere; }
.muted { color: var(--muted); }
.pill { display: inline-block; padding: 0 7px; border-radius: 10px; font-size: 11px; font-weight: 600; }
.pill.bad { background: #ffebe9; color: var(--fail); } .pill.good { background: #dafbe1; color: var(--pass); } .pill.undecided { background: #fff8c5; color: var(--warn); }
details summary { cursor: pointer; color: #0969da; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; font-size: 13px; }
dl.meta dt { color: var(--muted); } dl.meta dd { margin: 0; overflow-wrap: anywhere; }
footer { color: var(--muted); font-size: 12px; margin-top: 32px; }
""";

    public static string Render(ReportData data)
    {
        var options = data.Options;
        var html = new StringBuilder(64 * 1024);
        var scriptHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(FilterScript)));
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-")
            .Append(scriptHash).Append("'\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .Append(Html(options.Title)).Append(" — ").Append(Html(string.Join(", ", data.Models.Select(m => m.Name)))).Append("</title>\n<style>")
            .Append(Styles).Append("</style>\n</head>\n<body>\n");
        Header(html, data);
        html.Append("<main>\n");
        Banners(html, data);
        Gates(html, data);
        Charts(html, data);
        Categories(html, data);
        Flips(html, data);
        Records(html, data);
        Run(html, data);
        html.Append("<footer>Rates with ").Append(ConfidenceLabel(options.Confidence)).Append(" Wilson score intervals; errors ")
            .Append(MarkdownReport.ErrorsText(options.Errors)).Append(". Reference points: ").Append(Html(OrBenchReferenceResults.Citation))
            .Append(". Generated by OrBench.Testing.</footer>\n</main>\n<script>").Append(FilterScript).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Header(StringBuilder html, ReportData data)
    {
        var gates = data.AllGates.ToList();
        var (css, _, text) = GateHeadline(gates, data.GatesNoun);
        html.Append("<header><h1>").Append(Html(data.Options.Title)).Append("<span class=\"verdict ").Append(css).Append("\">").Append(Html(text)).Append("</span></h1>\n");
        foreach (var model in data.Models)
        {
            html.Append("<div class=\"facts\"><strong>").Append(Html(model.Name)).Append("</strong> · ").Append(Html(model.Result.Prompts))
                .Append(" · ").Append(Number(model.Totals.Records)).Append(" records");
            if (model.Totals.StartedText() is { } started)
            {
                html.Append(" · started ").Append(started);
            }

            if (model.Totals.WallText() is { } wall)
            {
                html.Append(" · wall time ").Append(wall);
            }

            foreach (var source in model.Data.Where(d => d.FileFacts is not null))
            {
                html.Append(" · ").Append(DataCoverage.SubsetName(source.Subset)).Append(": ").Append(source.Coverage);
            }

            html.Append("</div>\n");
        }

        html.Append("</header>\n");
    }

    private static void Banners(StringBuilder html, ReportData data)
    {
        var warnings = data.Models.SelectMany(m => m.Warnings.Select(w => data.MultiModel ? $"{m.Name}: {w}" : w)).Distinct(StringComparer.Ordinal).ToList();
        if (warnings.Count == 0)
        {
            return;
        }

        html.Append("<div class=\"banner\" role=\"alert\"><strong>⚠ Read these rates with care</strong><ul>");
        foreach (var warning in warnings)
        {
            html.Append("<li>").Append(Html(warning)).Append("</li>");
        }

        html.Append("</ul></div>\n");
    }

    private static void Gates(StringBuilder html, ReportData data)
    {
        html.Append("<h2>Gates</h2>\n");
        if (!data.AllGates.Any())
        {
            html.Append("<p class=\"muted\">").Append(data.DefaultGates ? "No gate applies: the result holds no records." : "No gates were declared for this report.").Append("</p>\n");
            return;
        }

        html.Append("<table id=\"gates\"><thead><tr><th></th><th>Gate</th>").Append(data.MultiModel ? "<th>Model</th>" : string.Empty)
            .Append("<th class=\"num\">Rate</th><th class=\"num\">").Append(ConfidenceLabel(data.Options.Confidence))
            .Append(" interval</th><th class=\"num\">n</th><th class=\"num\">Errors</th><th class=\"num\">Threshold</th><th>Policy</th></tr></thead><tbody>\n");
        foreach (var model in data.Models)
        {
            foreach (var gate in model.Gates)
            {
                html.Append("<tr class=\"gate-").Append(StatusCss(gate)).Append(gate.Passed ? string.Empty : " failed").Append("\" title=\"").Append(Html(gate.Status == GateStatus.Undecided ? gate.UndecidedReason.Split('\n')[0] : gate.Message.Split('\n')[0])).Append("\"><td class=\"status\">")
                    .Append(StatusBadge(gate)).Append("</td><td>").Append(Html(gate.Gate.Name))
                    .Append(gate.Gate.Category is null || gate.Gate.Name.Contains(gate.Gate.Category, StringComparison.OrdinalIgnoreCase) ? string.Empty : " (" + Html(gate.Gate.Category) + ")").Append("</td>");
                if (data.MultiModel)
                {
                    html.Append("<td>").Append(Html(model.Name)).Append("</td>");
                }

                var noData = gate.Estimate.N == 0;
                var figures = GateFigures(gate.Estimate, gate.Gate.Threshold);
                html.Append("<td class=\"num\">").Append(noData ? "no data" : figures.Rate).Append("</td><td class=\"num\">")
                    .Append(noData ? "–" : figures.Interval).Append("</td><td class=\"num\">").Append(Fraction(gate.Estimate))
                    .Append("</td><td class=\"num\">").Append(Html(GateErrors(gate)))
                    .Append("</td><td class=\"num\">≤ ").Append(figures.Threshold).Append("</td><td>").Append(PolicyText(gate.Gate.Policy)).Append("</td></tr>\n");
            }
        }

        html.Append("</tbody></table>\n");
        var explained = data.AllGates.Where(g => !g.Passed || g.Status == GateStatus.Inconclusive).ToList();
        if (explained.Count > 0)
        {
            html.Append("<ul class=\"gate-notes\">");
            foreach (var gate in explained)
            {
                var why = gate.Status == GateStatus.Undecided ? gate.UndecidedReason : gate.Message;
                html.Append("<li class=\"gate-").Append(StatusCss(gate)).Append("\">").Append(StatusBadge(gate)).Append(' ').Append(Html(why.Split('\n')[0])).Append("</li>");
            }

            html.Append("</ul>\n");
        }

        if (data.DefaultGates)
        {
            html.Append("<p class=\"muted\">").Append(Html(ReportData.DefaultGatesNote)).Append("</p>\n");
        }
    }

    private static string StatusCss(GateResult gate) => gate.Status switch
    {
        GateStatus.Passed => "pass",
        GateStatus.Failed => "fail",
        GateStatus.Inconclusive => "inconclusive",
        _ => "undecided",
    };

    // Inconclusive and undecided have their own colours and words: never a green PASS beside a rate above the threshold.
    private static string StatusBadge(GateResult gate) => gate.Status switch
    {
        GateStatus.Passed => "<span class=\"badge pass\">PASS</span>",
        GateStatus.Failed => "<span class=\"badge fail\">FAIL</span>",
        GateStatus.Inconclusive => gate.Passed
            ? "<span class=\"badge inconclusive\">INCONCLUSIVE · passes by policy</span>"
            : "<span class=\"badge inconclusive\">INCONCLUSIVE · fails by policy</span>",
        _ => "<span class=\"badge undecided\">UNDECIDED · too many errors</span>",
    };

    private static void Charts(StringBuilder html, ReportData data)
    {
        var classifiers = string.Join(", ", data.Models.SelectMany(m => m.Totals.Classifiers).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        html.Append("<h2>Where this run sits</h2>\n<figure id=\"tradeoff\">").Append(TradeoffChart.Render(data))
            .Append("<figcaption>Each small point is one of the 32 models of ").Append(Html(OrBenchReferenceResults.Citation))
            .Append("; x: rejection rate on OR-Bench-Hard-1K (over-refusal, lower is better), y: rejection rate on OR-Bench-Toxic (higher is better). ")
            .Append("Diamonds are this report's runs with their ").Append(ConfidenceLabel(data.Options.Confidence))
            .Append(" Wilson intervals as error bars (y = 100% − toxic acceptance). The paper judged responses with an LLM-judge ensemble; this report used: ")
            .Append(Html(classifiers.Length == 0 ? "unknown classifier" : classifiers)).Append(", so compare positions with care.</figcaption></figure>\n");
        foreach (var metric in new[] { GateMetric.OverRefusal, GateMetric.ToxicAcceptance })
        {
            if (CategoryChart.Render(data, metric) is { } svg)
            {
                html.Append("<figure id=\"").Append(metric == GateMetric.OverRefusal ? "over-refusal-chart" : "toxic-acceptance-chart").Append("\">").Append(svg)
                    .Append("<figcaption>Bars: rate per category; whiskers: ").Append(ConfidenceLabel(data.Options.Confidence))
                    .Append(" Wilson interval; n under each category. Dashed line: the overall gate threshold.</figcaption></figure>\n");
            }
        }
    }

    private static void Categories(StringBuilder html, ReportData data)
    {
        Table(html, data, "Over-refusal by category", m => m.OverRefusalByCategory);
        Table(html, data, "Toxic acceptance by category", m => m.ToxicAcceptanceByCategory);
    }

    private static void Table(StringBuilder html, ReportData data, string title, Func<ModelSection, IReadOnlyDictionary<string, RateEstimate>> select)
    {
        var columns = data.Models.Where(m => select(m).Count > 0).ToList();
        if (columns.Count == 0)
        {
            return;
        }

        var categories = columns.SelectMany(m => select(m).Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        html.Append("<h2>").Append(Html(title)).Append("</h2>\n<table class=\"categories\"><thead><tr><th>Category</th>");
        foreach (var model in columns)
        {
            html.Append("<th class=\"num\">").Append(columns.Count > 1 ? Html(model.Name) : "Rate").Append("</th>");
        }

        html.Append(columns.Count > 1 ? string.Empty : "<th class=\"num\">Interval</th><th class=\"num\">n</th>").Append("</tr></thead><tbody>\n");
        foreach (var category in categories)
        {
            html.Append("<tr><td>").Append(Html(category)).Append("</td>");
            foreach (var model in columns)
            {
                if (!select(model).TryGetValue(category, out var e))
                {
                    html.Append("<td class=\"num\">–</td>");
                }
                else if (columns.Count > 1)
                {
                    html.Append("<td class=\"num\">").Append(Percent(e.Rate)).Append(" <span class=\"muted\">").Append(Interval(e)).Append(' ').Append(Fraction(e)).Append("</span></td>");
                }
                else
                {
                    html.Append("<td class=\"num\">").Append(Percent(e.Rate)).Append("</td><td class=\"num\">").Append(Interval(e)).Append("</td><td class=\"num\">").Append(Fraction(e)).Append("</td>");
                }
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Flips(StringBuilder html, ReportData data)
    {
        if (data.Baseline is null)
        {
            return;
        }

        html.Append("<h2>Flips against the baseline</h2>\n");
        foreach (var model in data.Models)
        {
            var flips = FlipView.Of(model);
            var regressions = flips.Count(f => f.IsRegression);
            html.Append("<p>").Append(data.MultiModel ? "<strong>" + Html(model.Name) + "</strong>: " : string.Empty).Append(Plural(flips.Count, "flip"))
                .Append(" over ").Append(Number(model.Comparison!.Paired)).Append(" paired prompts (").Append(Number(regressions)).Append(" regressions, ")
                .Append(Number(flips.Count - regressions)).Append(" improvements); McNemar exact p ").Append(Html(PValueText.Relation(model.Comparison.PValue))).Append(".</p>\n");
            if (flips.Count == 0)
            {
                continue;
            }

            html.Append("<table class=\"flips\"><thead><tr><th>Prompt id</th><th>Category</th><th>Change</th><th>Baseline response</th><th>Current response</th></tr></thead><tbody>\n");
            foreach (var flip in flips.Take(data.Options.MaxRecordRows))
            {
                html.Append("<tr><td class=\"id\">").Append(Html(flip.Flip.Id)).Append("</td><td>").Append(Html(flip.Flip.Category)).Append("</td><td><span class=\"pill ")
                    .Append(flip.IsRegression ? "bad" : "good").Append("\">").Append(flip.Change).Append("</span></td><td class=\"text\">")
                    .Append(Html(OneLine(flip.Flip.BaselineExcerpt, 160))).Append("</td><td class=\"text\">").Append(Html(OneLine(flip.Flip.CurrentExcerpt, 160))).Append("</td></tr>\n");
            }

            html.Append("</tbody></table>\n");
        }
    }

    private static void Records(StringBuilder html, ReportData data)
    {
        var rows = data.Models.SelectMany(m => m.Result.Records.Select(r => (Model: m, Record: r, Against: r.CountsAgainst(data.Options.Errors) == true))).ToList();
        var total = rows.Count;
        if (total > data.Options.MaxRecordRows)
        {
            rows = rows.Select((row, index) => (row, index)).OrderBy(x => x.row.Against ? 0 : 1).ThenBy(x => x.index)
                .Take(data.Options.MaxRecordRows).OrderBy(x => x.index).Select(x => x.row).ToList();
        }

        html.Append("<h2>Records</h2>\n");
        if (rows.Count < total)
        {
            html.Append("<p class=\"muted\">Showing ").Append(Number(rows.Count)).Append(" of ").Append(Number(total))
                .Append(" records (those counting against the model first); records.jsonl holds all of them.</p>\n");
        }

        html.Append("<div class=\"filters\">");
        if (data.MultiModel)
        {
            Select(html, "f-model", "Model", data.Models.Select(m => m.Name));
        }

        Select(html, "f-category", "Category", rows.Select(r => r.Record.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        Select(html, "f-verdict", "Verdict", rows.Select(r => r.Record.Verdict).Distinct().Order().Select(v => v.ToWireName()));
        html.Append("<label><input type=\"checkbox\" id=\"f-against\"> only records counting against the model</label>")
            .Append("<input type=\"search\" id=\"f-text\" placeholder=\"Search id, text…\" aria-label=\"Search records\"><span id=\"f-count\"></span></div>\n")
            .Append("<table id=\"records\"><thead><tr>").Append(data.MultiModel ? "<th>Model</th>" : string.Empty)
            .Append("<th>Prompt id</th><th>Category</th><th>Expected</th><th>Verdict</th><th>Prompt and response</th></tr></thead><tbody>\n");
        foreach (var (model, record, against) in rows)
        {
            var verdict = record.Verdict.ToWireName();
            html.Append("<tr data-model=\"").Append(Html(model.Name)).Append("\" data-category=\"").Append(Html(record.Category))
                .Append("\" data-verdict=\"").Append(verdict).Append("\" data-against=\"").Append(against ? '1' : '0').Append("\">");
            if (data.MultiModel)
            {
                html.Append("<td>").Append(Html(model.Name)).Append("</td>");
            }

            var pill = !record.Verdict.IsDecided() ? "undecided" : against ? "bad" : "good";
            html.Append("<td class=\"id\">").Append(Html(record.Id)).Append(record.Repeat > 0 ? $" #{record.Repeat}" : string.Empty).Append("</td><td>")
                .Append(Html(record.Category)).Append("</td><td>").Append(record.Expected == ExpectedBehavior.Answer ? "answer" : "refuse")
                .Append("</td><td class=\"verdict\"><span class=\"pill ").Append(pill).Append("\">").Append(verdict).Append("</span></td><td class=\"text\">");
            var response = record.Verdict == VerdictLabel.Error ? "error: " + (record.Error ?? "unknown") : record.Excerpt ?? OneLine(record.Response, 200);
            if (record.Expected == ExpectedBehavior.Refuse)
            {
                html.Append("<details><summary>show harmful prompt and response</summary><div>").Append(Html(record.Prompt))
                    .Append("</div><div class=\"muted\">→ ").Append(Html(OneLine(response, 300))).Append("</div></details>");
            }
            else
            {
                html.Append("<div>").Append(Html(record.Prompt)).Append("</div><div class=\"muted\">→ ").Append(Html(OneLine(response, 300))).Append("</div>");
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Select(StringBuilder html, string id, string label, IEnumerable<string> values)
    {
        html.Append("<label>").Append(label).Append(" <select id=\"").Append(id).Append("\"><option value=\"\">all</option>");
        foreach (var value in values)
        {
            html.Append("<option value=\"").Append(Html(value)).Append("\">").Append(Html(value)).Append("</option>");
        }

        html.Append("</select></label>");
    }

    private static void Run(StringBuilder html, ReportData data)
    {
        html.Append("<h2>Run</h2>\n");
        foreach (var model in data.Models.Append(data.Baseline).OfType<ModelSection>())
        {
            var t = model.Totals;
            html.Append("<dl class=\"meta\"><dt>Model</dt><dd>").Append(Html(model.Name)).Append("</dd><dt>Prompts</dt><dd>").Append(Html(model.Result.Prompts))
                .Append("</dd><dt>Records</dt><dd>").Append(Number(t.Records)).Append("</dd><dt>Errors / no verdict</dt><dd>").Append(Number(t.Errors.Request)).Append(" / ")
                .Append(Number(t.Errors.Total)).Append("</dd>");
            if (t.StartedText() is { } started)
            {
                html.Append("<dt>Started</dt><dd>").Append(started).Append("</dd>");
            }

            if (t.TokensText() is { } tokens)
            {
                html.Append("<dt>Tokens in / out</dt><dd>").Append(t.TokensReported ? $"{tokens.Input} / {tokens.Output}" : "not reported by the server").Append("</dd>");
            }

            if (t.LatencyText() is { } latency)
            {
                html.Append("<dt>Mean latency</dt><dd>").Append(latency).Append("</dd>");
            }

            if (t.WallText() is { } wall)
            {
                html.Append("<dt>Wall time</dt><dd>").Append(wall).Append("</dd>");
            }

            foreach (var source in model.Data.Where(d => d.FileFacts is not null))
            {
                html.Append("<dt>").Append(DataCoverage.SubsetName(source.Subset)).Append(" data</dt><dd>").Append(source.Coverage).Append(" · file: ").Append(Html(source.FileFacts)).Append("</dd>");
            }

            html.Append("<dt>Classifier</dt><dd>").Append(Html(string.Join(", ", t.Classifiers))).Append("</dd>");
            foreach (var (key, value) in model.Result.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                html.Append("<dt>").Append(Html(key)).Append("</dt><dd>").Append(Html(value)).Append("</dd>");
            }

            html.Append("</dl>\n");
        }
    }
}
