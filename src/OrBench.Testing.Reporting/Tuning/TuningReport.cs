using System.Globalization;
using System.Text;
using System.Text.Json;
using OrBench.Testing.Gates;

namespace OrBench.Testing.Reporting.Tuning;

/// <summary>The tuner's answer: its settings and one row per gate, printable as a terminal table or as JSON.</summary>
/// <param name="Options">The settings the rows were computed with.</param>
/// <param name="Gates">One row per model and gate.</param>
public sealed record TuningReport(TuningOptions Options, IReadOnlyList<GateTuning> Gates)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A plain-text table with aligned columns; percentages with one decimal. Ends with a legend of the columns.</summary>
    public string ToTable()
    {
        var header = new[] { "model", "gate", "n", "rate", "interval", "fails below: interval", "strict", "point", "suggested", "detectable rise", $"prompts for +{Points(Options.Rise)}" };
        var rows = Gates.Select(g => new[]
        {
            g.Model,
            g.Gate,
            g.Estimate.N.ToString(Invariant),
            Percent(g.Estimate.Rate),
            $"[{Percent(g.Estimate.Lower)}, {Percent(g.Estimate.Upper)}]",
            PercentUp(g.FailingThresholds.IntervalAboveThreshold),
            PercentUp(g.FailingThresholds.Strict),
            PercentUp(g.FailingThresholds.PointEstimate),
            Percent(g.SuggestedThreshold),
            g.MinimumDetectableRise is { } rise ? "+" + Points(rise) : "n/a",
            g.PromptsForRise is { } needed ? needed.ToString("N0", Invariant) : "n/a",
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Prepend(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        text.Append(Invariant, $"Thresholds at {Percent(Options.Confidence)} confidence; suggested = failing threshold under {Options.PolicyText} + {Points(Options.Margin)}, rounded up to 0.1 pp (so are the fails-below columns); power {Percent(Options.Power)}, one-sided.").Append('\n');
        AppendRow(text, header, widths);
        AppendRow(text, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in rows)
        {
            AppendRow(text, row, widths);
        }

        if (Gates.Count == 0)
        {
            text.Append("(no records: nothing to tune)\n");
        }

        return text.ToString();
    }

    /// <summary>The report as indented JSON (camelCase; rates as fractions rounded to 6 decimals; nulls where not applicable).</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("confidence", Options.Confidence);
            json.WriteNumber("margin", Options.Margin);
            json.WriteNumber("power", Options.Power);
            json.WriteNumber("rise", Options.Rise);
            json.WriteString("policy", Options.Policy?.ToDisplayName() ?? "default");
            json.WriteString("errors", JsonNamingPolicy.CamelCase.ConvertName(Options.Errors.ToString()));
            json.WriteStartArray("gates");
            foreach (var g in Gates)
            {
                json.WriteStartObject();
                json.WriteString("model", g.Model);
                json.WriteString("gate", g.Gate);
                json.WriteString("suggestedFor", g.Policy.ToDisplayName());
                json.WriteString("metric", g.Metric == GateMetric.OverRefusal ? "overRefusal" : "toxicAcceptance");
                if (g.Category is null)
                {
                    json.WriteNull("category");
                }
                else
                {
                    json.WriteString("category", g.Category);
                }

                json.WriteNumber("count", g.Estimate.Count);
                json.WriteNumber("n", g.Estimate.N);
                json.WriteNumber("rate", Round(g.Estimate.Rate));
                json.WriteNumber("lower", Round(g.Estimate.Lower));
                json.WriteNumber("upper", Round(g.Estimate.Upper));
                json.WriteStartObject("failingThresholds");
                json.WriteNumber("interval", RoundUp(g.FailingThresholds.IntervalAboveThreshold));
                json.WriteNumber("strict", RoundUp(g.FailingThresholds.Strict));
                json.WriteNumber("point", RoundUp(g.FailingThresholds.PointEstimate));
                json.WriteEndObject();
                json.WriteNumber("suggestedThreshold", Round(g.SuggestedThreshold));
                WriteNullable(json, "minimumDetectableRise", g.MinimumDetectableRise is { } rise ? Round(rise) : null);
                if (g.PromptsForRise is { } needed)
                {
                    json.WriteNumber("promptsForRise", needed);
                }
                else
                {
                    json.WriteNull("promptsForRise");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static double Round(double value) => Math.Round(value, 6, MidpointRounding.AwayFromZero);

    // Failing thresholds round up, so a threshold copied from the JSON passes today's result (nearest rounding could land
    // a millionth below the lower bound, a threshold that fails).
    private static double RoundUp(double value) => Math.Min(1, Math.Ceiling((value * 1e6) - 1e-6) / 1e6);

    private static string Percent(double rate) => (rate * 100).ToString("0.0", Invariant) + "%";

    // A "fails below" value rounded to the nearest 0.1 pp could print 4.1 % for a lower bound of 4.109 %: a team copying 4.1 %
    // into its gate would fail. Rounded up, the printed threshold always passes today's result.
    private static string PercentUp(double rate) => (Math.Ceiling((rate * 1000) - 1e-9) / 10).ToString("0.0", Invariant) + "%";

    private static string Points(double rate) => (rate * 100).ToString("0.0", Invariant) + " pp";

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            var numeric = i >= 2;
            text.Append(numeric ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]));
            text.Append(i == cells.Length - 1 ? string.Empty : "  ");
        }

        text.Append('\n');
    }
}
