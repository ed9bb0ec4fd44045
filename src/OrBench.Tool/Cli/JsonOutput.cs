using System.Text;
using System.Text.Json;
using OrBench.Testing.Statistics;

namespace OrBench.Tool.Cli;

/// <summary>
/// Writes the one JSON document of <c>--format json</c>: indented, camelCase, starting with <c>schemaVersion</c> and
/// <c>command</c> (documented in docs/cli.md). Rates are fractions rounded to 6 decimals.
/// </summary>
internal static class JsonOutput
{
    /// <summary>The version of every command's JSON document; raised only when a field changes meaning or disappears.</summary>
    public const int SchemaVersion = 1;

    public static async Task WriteAsync(ToolConsole console, string command, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteString("command", command);
            body(json);
            json.WriteEndObject();
        }

        await console.Out.WriteLineAsync(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>A rate as <c>{ count, n, rate, lower, upper, confidence }</c>, or null when it has no prompts.</summary>
    public static void WriteRate(Utf8JsonWriter json, string name, RateEstimate rate)
    {
        if (rate.N == 0)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteNumber("count", rate.Count);
        json.WriteNumber("n", rate.N);
        json.WriteNumber("rate", Round(rate.Rate));
        json.WriteNumber("lower", Round(rate.Lower));
        json.WriteNumber("upper", Round(rate.Upper));
        json.WriteNumber("confidence", rate.Confidence);
        json.WriteEndObject();
    }

    public static double Round(double value) => Math.Round(value, 6, MidpointRounding.AwayFromZero);
}
