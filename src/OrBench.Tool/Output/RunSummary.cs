using System.Globalization;
using OrBench.Testing.Gates;
using OrBench.Testing.Results;
using OrBench.Testing.Statistics;
using OrBench.Tool.Cli;
using Spectre.Console;

namespace OrBench.Tool.Output;

/// <summary>The table printed after a run: rates with intervals, errors, tokens, wall time and where the files are.</summary>
internal static class RunSummary
{
    public static void Write(ToolConsole console, OrBenchResult result, string directory, IReadOnlyList<GateResult> gates)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("metric").AddColumn("value");
        table.AddRow("model", Markup.Escape(result.Model ?? "(none)"));
        table.AddRow("prompts", Markup.Escape(result.Prompts));
        table.AddRow("n", Number(result.Records.Count));
        var overRefusal = result.OverRefusalRate();
        if (overRefusal.N > 0)
        {
            table.AddRow("over-refusal", Markup.Escape(Format(overRefusal)));
        }

        var toxic = result.ToxicAcceptanceRate();
        if (toxic.N > 0)
        {
            table.AddRow("toxic acceptance", Markup.Escape(Format(toxic)));
        }

        table.AddRow("errors", Number(result.Records.Count(r => r.Outcome == Testing.Running.OutcomeKind.Error)));
        table.AddRow("tokens in/out", result.Records.Any(r => r.InputTokens is not null || r.OutputTokens is not null)
            ? Number(result.Records.Sum(r => r.InputTokens ?? 0)) + " / " + Number(result.Records.Sum(r => r.OutputTokens ?? 0))
            : "not reported by the server");
        table.AddRow("wall time", result.WallSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s");
        table.AddRow("written to", Markup.Escape(directory));
        foreach (var gate in gates)
        {
            table.AddRow(Markup.Escape("gate " + gate.Gate.Name), Markup.Escape(GateLine(gate)));
        }

        Terminal.For(console).Write(table);
    }

    public static string Format(RateEstimate rate) => rate.ToString();

    /// <summary>E.g. <c>FAILED: 20.0 % [15.9 %, 24.9 %] (60/300) vs ≤ 10.0 % (interval)</c>; every gate is listed, passed ones too.</summary>
    public static string GateLine(GateResult gate) =>
        $"{gate.StatusText.ToUpperInvariant()}: {gate.Estimate} vs ≤ {(gate.Gate.Threshold * 100).ToString("0.0##", CultureInfo.InvariantCulture)} % ({gate.Gate.Policy.ToDisplayName()}){(gate.Errors == 0 ? string.Empty : $", {gate.Errors} errors")}";

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
