using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrBench.Testing.Generation.Checkpoints;

/// <summary>
/// JSON settings of every generation file: snake_case names, enums as snake_case strings, and the default encoder,
/// which escapes HTML-significant characters so untrusted model text is safe to paste into a page.
/// </summary>
internal static class GenerationJson
{
    public static JsonSerializerOptions Line { get; } = Create(indented: false);

    public static JsonSerializerOptions Document { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            NewLine = "\n",
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
