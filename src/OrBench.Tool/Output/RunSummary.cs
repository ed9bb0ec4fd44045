using System.Globalization;
using OrBench.Testing.Middleware;
using OrBench.Testing.Gates;
using OrBench.Testing.Results;
using OrBench.Testing.Statistics;
using OrBench.Tool.Cli;
using Spectre.Console;

namespace OrBench.Tool.Output;

/// <summary>The table printed after a run: rates with intervals, errors, tokens, wall time and where the files are.</summary>
internal static class RunSummary
{
    public static void Write(ToolConsole console, OrBenchResult result, string directory, IReadOnlyList<GateResult> gates, ResponseCacheStatistics? cache = null)
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

        var totals = RunTotals.Of(result);
        table.AddRow("request errors", Number(totals.Errors.Request));
        table.AddRow("classification errors", Number(totals.Errors.Classification));
        // A scored responses file (--responses) had no server: say nothing of tokens rather than blame one.
        if (totals.FromServer)
        {
            table.AddRow("tokens in/out", totals.TokensReported
                ? Number(totals.InputTokens) + " / " + Number(totals.OutputTokens)
                : "not reported by the server");
        }
        if (cache is not null)
        {
            table.AddRow("answers", Markup.Escape(CacheLine(cache, DateTimeOffset.UtcNow)));
        }

        table.AddRow("wall time", totals.WallSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s");
        table.AddRow("written to", Markup.Escape(directory));
        foreach (var gate in gates)
        {
            table.AddRow(Markup.Escape("gate " + gate.Gate.Name), Markup.Escape(GateLine(gate)));
        }

        Terminal.For(console).Write(table);
    }

    public static string Format(RateEstimate rate) => rate.ToString();

    /// <summary>"1,200 from the model, 119 from the cache (oldest recorded 3.2 days ago)": a replayed answer is never passed off as a new one.</summary>
    public static string CacheLine(ResponseCacheStatistics cache, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var line = $"{Number(cache.FromModel)} from the model, {Number(cache.FromCache)} from the cache";
        return cache.OldestEntryAge(now) is { } age ? line + $" (oldest recorded {Age(age)} ago)" : line;
    }

    private static string Age(TimeSpan age) => age.TotalDays >= 1
        ? age.TotalDays.ToString("0.0", CultureInfo.InvariantCulture) + " days"
        : age.TotalHours >= 1
            ? age.TotalHours.ToString("0.0", CultureInfo.InvariantCulture) + " h"
            : age.TotalMinutes >= 1 ? age.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) + " min" : Math.Max(0, age.TotalSeconds).ToString("0", CultureInfo.InvariantCulture) + " s";

    /// <summary>E.g. <c>FAILED: 20.0 % [15.9 %, 24.9 %] (60/300) vs ≤ 10.0 % (interval)</c>; every gate is listed, passed ones too.</summary>
    public static string GateLine(GateResult gate) =>
        $"{gate.StatusText.ToUpperInvariant()}: {gate.Estimate} vs ≤ {(gate.Gate.Threshold * 100).ToString("0.0##", CultureInfo.InvariantCulture)} % ({gate.Gate.Policy.ToDisplayName()}){(gate.Errors == 0 ? string.Empty : $", {gate.Errors} errors")}";

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
