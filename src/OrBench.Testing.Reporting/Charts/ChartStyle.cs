using ScottPlot;

using OrBench.Testing.Gates;
namespace OrBench.Testing.Reporting.Charts;

/// <summary>Colours, fonts and label hygiene shared by the report's charts.</summary>
internal static class ChartStyle
{
    /// <summary>Colours for the runs in a report (one per model), chosen to stand out from the muted reference points.</summary>
    public static readonly Color[] RunColors =
    [
        Color.FromHex("#D62728"), Color.FromHex("#1F77B4"), Color.FromHex("#2CA02C"), Color.FromHex("#9467BD"),
        Color.FromHex("#FF7F0E"), Color.FromHex("#17BECF"), Color.FromHex("#8C564B"), Color.FromHex("#E377C2"),
    ];

    public static readonly Color BaselineColor = Color.FromHex("#4D4D4D");

    public static readonly Color Ink = Color.FromHex("#1F2328");

    public static readonly Color Muted = Color.FromHex("#57606A");

    /// <summary>Gate thresholds: near-black, so the line stays visible where it crosses any run's bars.</summary>
    public static readonly Color Threshold = Color.FromHex("#161B22");

    private static readonly Lazy<string> FontName = new(() =>
    {
        foreach (var candidate in new[] { "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica" })
        {
            if (string.Equals(Fonts.GetTypeface(candidate, false, false)?.FamilyName, candidate, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return Fonts.Default;
    });

    public static Color FamilyColor(string family) => family switch
    {
        "Claude" => Color.FromHex("#C15F3C"),
        "GPT" => Color.FromHex("#10A37F"),
        "Gemini" => Color.FromHex("#4285F4"),
        "Gemma" => Color.FromHex("#00A5B5"),
        "Llama" => Color.FromHex("#6A5ACD"),
        "Mistral" => Color.FromHex("#E3A008"),
        "Qwen" => Color.FromHex("#B0479A"),
        _ => Color.FromHex("#8C8C8C"),
    };

    public static Color RunColor(int index) => RunColors[index % RunColors.Length];

    public static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set(FontName.Value);
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Color.FromHex("#FBFBFC");
        plot.Grid.MajorLineColor = Color.FromHex("#E6E8EB");
        plot.Axes.Color(Muted);
        plot.Legend.FontSize = 11;
        plot.Legend.OutlineColor = Color.FromHex("#D0D7DE");
        plot.Legend.ShadowColor = Colors.Transparent;
        return plot;
    }

    /// <summary>
    /// A label safe to hand to the renderer: one line, no control characters, at most <paramref name="max"/> characters.
    /// The renderer escapes XML itself and <see cref="SvgInliner"/> re-parses the result; this keeps labels short and tidy.
    /// </summary>
    public static string Label(string? text, int max = 40) => ReportFormat.OneLine(text, max);
}
