using System.Globalization;
using System.Net;
using System.Text;
using OrBench.Testing.Gates;
using OrBench.Testing.Statistics;

namespace OrBench.Testing.Reporting;

/// <summary>Number and text formatting shared by the Markdown and HTML reports (invariant culture, one decimal).</summary>
internal static class ReportFormat
{
    public static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Percent(double rate) => (rate * 100).ToString("0.0", Invariant) + "%";

    /// <summary>
    /// The figures of one gate row (rate, interval, threshold) with one decimal, or as many more (up to four) as it
    /// takes for none of them to print equal to the threshold unless it is equal: "10.0% ≤ 10.0%" beside a failed gate
    /// hides which side of the line the run is on (251/2500 is 10.04%).
    /// </summary>
    public static (string Rate, string Interval, string Threshold) GateFigures(RateEstimate estimate, double threshold)
    {
        var decimals = 1;
        while (decimals < 4 && new[] { estimate.Rate, estimate.Lower, estimate.Upper }.Any(v => v != threshold && Rounded(v) == Rounded(threshold)))
        {
            decimals++;
        }

        string P(double rate) => (rate * 100).ToString("0." + new string('0', decimals), Invariant) + "%";
        return (P(estimate.Rate), $"[{P(estimate.Lower)}, {P(estimate.Upper)}]", P(threshold));

        double Rounded(double rate) => Math.Round(rate * 100, decimals, MidpointRounding.AwayFromZero);
    }

    public static string Interval(RateEstimate estimate) => $"[{Percent(estimate.Lower)}, {Percent(estimate.Upper)}]";

    public static string Fraction(RateEstimate estimate) => $"{estimate.Count.ToString(Invariant)}/{estimate.N.ToString(Invariant)}";

    public static string Number(long value) => value.ToString("N0", Invariant);

    public static string Plural(long count, string noun) => $"{Number(count)} {noun}{(count == 1 ? string.Empty : "s")}";

    public static string Seconds(double seconds) => seconds switch
    {
        < 120 => seconds.ToString("0.0", Invariant) + " s",
        < 7200 => (seconds / 60).ToString("0.0", Invariant) + " min",
        _ => (seconds / 3600).ToString("0.0", Invariant) + " h",
    };

    public static string ConfidenceLabel(double confidence) => (confidence * 100).ToString("0.#", Invariant) + "%";

    public static string PolicyText(GatePolicy policy) => policy switch
    {
        GatePolicy.IntervalAboveThreshold => "interval above threshold",
        GatePolicy.Strict => "strict (upper bound)",
        GatePolicy.PointEstimate => "point estimate",
        _ => policy.ToString(),
    };

    /// <summary>The icon of a gate row: ✅ passed, ❌ failed, ⚠️ inconclusive (whichever way the policy decides), ❔ undecided.</summary>
    public static string StatusIcon(GateResult gate) => gate.Status switch
    {
        GateStatus.Passed => "✅",
        GateStatus.Failed => "❌",
        GateStatus.Inconclusive => "⚠️",
        _ => "❔",
    };

    /// <summary>
    /// The report headline over <paramref name="gates"/>: the CSS class (pass, warn, fail, none), the icon and the words.
    /// A passing set with an inconclusive gate is a warning, never a plain green pass.
    /// </summary>
    public static (string Css, string Icon, string Text) GateHeadline(IReadOnlyList<GateResult> gates, string noun)
    {
        if (gates.Count == 0)
        {
            return ("none", string.Empty, "no gates");
        }

        var notPassed = gates.Count(g => !g.Passed);
        var inconclusive = gates.Count(g => g.Status == GateStatus.Inconclusive);
        if (notPassed == 0)
        {
            return inconclusive == 0
                ? ("pass", "✅", $"{gates.Count} of {gates.Count} {noun} passed")
                : ("warn", "⚠️", $"{gates.Count} of {gates.Count} {noun} passed, {inconclusive} of them inconclusive (the interval straddles the threshold)");
        }

        var failed = gates.Count(g => g.Status == GateStatus.Failed);
        if (failed == notPassed)
        {
            return ("fail", "❌", $"{failed} of {gates.Count} {noun} failed");
        }

        var parts = new[]
        {
            (Count: failed, Word: "failed"),
            (Count: gates.Count(g => g.Status == GateStatus.Undecided), Word: "undecided"),
            (Count: gates.Count(g => g.Status == GateStatus.Inconclusive && !g.Passed), Word: "inconclusive (fails by policy)"),
        }.Where(p => p.Count > 0).Select(p => $"{p.Count} {p.Word}");
        return ("fail", "❌", $"{notPassed} of {gates.Count} {noun} did not pass: {string.Join(", ", parts)}");
    }

    /// <summary>The errors a gate's rate holds, e.g. <c>3 (2 request, 1 classification)</c>, or <c>0</c>.</summary>
    public static string GateErrors(GateResult gate) => gate.ClassificationErrors == 0
        ? Number(gate.Errors)
        : $"{Number(gate.Errors)} ({Number(gate.RequestErrors)} request, {Number(gate.ClassificationErrors)} classification)";

    /// <summary>One line of at most <paramref name="max"/> characters: control characters and line breaks become spaces.</summary>
    public static string OneLine(string? text, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(text.Length, max + 1));
        var lastWasSpace = false;
        foreach (var c in text)
        {
            var ch = char.IsControl(c) || char.IsWhiteSpace(c) ? ' ' : c;
            if (ch == ' ' && lastWasSpace)
            {
                continue;
            }

            lastWasSpace = ch == ' ';
            builder.Append(ch);
            if (builder.Length > max)
            {
                break;
            }
        }

        var line = builder.ToString().Trim();
        if (line.Length > max)
        {
            line = line[..(max - 1)].TrimEnd() + "…";
            if (char.IsHighSurrogate(line[^2]))
            {
                line = line[..^2] + "…";
            }
        }

        return line;
    }

    /// <summary>HTML-encodes untrusted text for element content and attribute values.</summary>
    public static string Html(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>
    /// Makes untrusted text inert inside a Markdown table cell on GitHub: HTML-encoded (so no tag renders), Markdown
    /// punctuation backslash-escaped (so no link, image, emphasis or code span forms), pipes escaped, one line.
    /// </summary>
    public static string Markdown(string? text, int max = 80)
    {
        var line = OneLine(text, max);
        var builder = new StringBuilder(line.Length + 16);
        foreach (var c in line)
        {
            switch (c)
            {
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~':
                    builder.Append('\\').Append(c);
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }
}
