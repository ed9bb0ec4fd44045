namespace OrBench.Testing.Reporting.Charts;

/// <summary>Colours and label hygiene shared by the report's charts.</summary>
internal static class ChartStyle
{
    /// <summary>Colours for the runs in a report (one per model), chosen to stand out from the muted reference points.</summary>
    private static readonly string[] RunColors = ["#D62728", "#1F77B4", "#2CA02C", "#9467BD", "#FF7F0E", "#17BECF", "#8C564B", "#E377C2"];

    public const string BaselineColor = "#4D4D4D";

    public const string Ink = "#1F2328";

    public const string Muted = "#57606A";

    /// <summary>Gate thresholds: near-black, so the line stays visible where it crosses any run's bars.</summary>
    public const string Threshold = "#161B22";

    /// <summary>The dash pattern of a run's single-side line and of a gate threshold.</summary>
    public const string Dashed = "8 5";

    /// <summary>The dash pattern of the baseline's single-side line.</summary>
    public const string Dotted = "2 4";

    public static string FamilyColor(string family) => family switch
    {
        "Claude" => "#C15F3C",
        "GPT" => "#10A37F",
        "Gemini" => "#4285F4",
        "Gemma" => "#00A5B5",
        "Llama" => "#6A5ACD",
        "Mistral" => "#E3A008",
        "Qwen" => "#B0479A",
        _ => "#8C8C8C",
    };

    public static string RunColor(int index) => RunColors[index % RunColors.Length];

    /// <summary>
    /// A label for a chart: one line, no control characters, at most <paramref name="max"/> characters. Escaping is the
    /// XML writer's job (<see cref="Svg"/>); this keeps labels short and tidy, and shows bidi controls rather than obeying them.
    /// </summary>
    public static string Label(string? text, int max = 40) => ReportFormat.ShowBidiControls(ReportFormat.OneLine(text, max));
}
