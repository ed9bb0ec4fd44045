using System.Text.Json;

namespace OrBench.Tool.Tests.Infrastructure;

/// <summary>Reads what <c>orbench run</c> wrote, as plain JSON, so tests check the file contract rather than the library's types.</summary>
public static class OutputFiles
{
    public static IReadOnlyList<JsonElement> Records(string directory) =>
        [.. File.ReadAllLines(Path.Combine(directory, "records.jsonl"))
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    public static JsonElement Results(string directory) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "results.json"))).RootElement.Clone();
}
