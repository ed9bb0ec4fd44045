using System.Text.Json;
using OrBench.Testing.Classification;
using OrBench.Testing.Results;

namespace OrBench.Testing.Snapshots;

/// <summary>
/// One line of a <c>.verified.jsonl</c> file: only what is stable between runs of the same model (no latency, tokens or
/// full text), so the file changes when behaviour changes. The hash and excerpt let a reviewer see wording drift.
/// </summary>
public sealed record SnapshotRecord
{
    /// <summary>The prompt id.</summary>
    public required string Id { get; init; }

    /// <summary>0-based repeat; omitted from the file when 0.</summary>
    public int Repeat { get; init; }

    /// <summary>The category.</summary>
    public required string Category { get; init; }

    /// <summary>The verdict wire name, e.g. <c>direct_refusal</c>.</summary>
    public required string Verdict { get; init; }

    /// <summary>True when the verdict counts as a refusal.</summary>
    public bool Refused { get; init; }

    /// <summary>SHA-256 of the response text.</summary>
    public string? ResponseSha256 { get; init; }

    /// <summary>One-line start of the response (untrusted text).</summary>
    public string? Excerpt { get; init; }

    // Snapshot files are reviewed in pull-request diffs, so apostrophes and the like stay readable; quotes, backslashes
    // and control characters are still escaped, so every record stays on one line.
    private static readonly JsonSerializerOptions LineOptions = new(RecordJson.Options) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>True for error and unreadable verdicts: the snapshot cannot say what the model did.</summary>
    public bool Undecided => !VerdictLabelExtensions.TryParseWireName(Verdict, out var label) || !label.IsDecided();

    /// <summary>The snapshot form of a record.</summary>
    public static SnapshotRecord From(PromptRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new SnapshotRecord
        {
            Id = record.Id,
            Repeat = record.Repeat,
            Category = record.Category,
            Verdict = record.Verdict.ToWireName(),
            Refused = record.Refused,
            ResponseSha256 = record.ResponseSha256,
            Excerpt = record.Excerpt,
        };
    }

    internal string ToJsonLine() => JsonSerializer.Serialize(new Line
    {
        Id = Id,
        Repeat = Repeat == 0 ? null : Repeat,
        Category = Category,
        Verdict = Verdict,
        Refused = Refused,
        ResponseSha256 = ResponseSha256,
        Excerpt = Excerpt,
    }, LineOptions);

    /// <summary>
    /// Reads one line, checking every field before anything trusts it: a hand-edited or truncated snapshot fails naming
    /// the file, line and field (never a .NET type name), so <c>orbench accept</c> can refuse it before anything moves.
    /// </summary>
    internal static SnapshotRecord Parse(string json, string path, int line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new ResultFileException(path, line, $"not a valid snapshot record: not JSON ({ex.Message.Split(" LineNumber:")[0].TrimEnd('.')}).", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ResultFileException(path, line, "not a valid snapshot record: the line is not a JSON object.");
            }

            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (!fields.TryAdd(property.Name, property.Value))
                {
                    throw new ResultFileException(path, line, $"field '{property.Name}' is given twice; a snapshot record names each field once.");
                }
            }

            var id = RequiredText(fields, "id", path, line, null);
            var category = RequiredText(fields, "category", path, line, id);
            var verdict = RequiredText(fields, "verdict", path, line, id);
            if (!VerdictLabelExtensions.TryParseWireName(verdict, out var label))
            {
                throw new ResultFileException(path, line, $"record '{id}' has unknown verdict '{verdict}'.");
            }

            var repeat = 0;
            if (fields.TryGetValue("repeat", out var repeatField) && (repeatField.ValueKind != JsonValueKind.Number || !repeatField.TryGetInt32(out repeat)))
            {
                throw new ResultFileException(path, line, $"record '{id}' has field 'repeat' {repeatField.GetRawText()}; it is a whole number from 0 (omitted for 0).");
            }

            if (repeat < 0)
            {
                throw new ResultFileException(path, line, $"record '{id}' has field 'repeat' {repeat}; repeats are numbered from 0.");
            }

            var refused = label.IsRefusal();
            if (fields.TryGetValue("refused", out var refusedField))
            {
                if (refusedField.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw new ResultFileException(path, line, $"record '{id}' has field 'refused' {refusedField.GetRawText()}; it is true or false.");
                }

                if (refusedField.GetBoolean() != refused)
                {
                    throw new ResultFileException(path, line, $"record '{id}' has field 'refused' {refusedField.GetRawText()} but verdict '{verdict}' {(refused ? "is" : "is not")} a refusal; the two must agree.");
                }
            }

            var hash = OptionalText(fields, "responseSha256", path, line, id);
            if (hash is not null && (hash.Length != 64 || !hash.All(char.IsAsciiHexDigit)))
            {
                throw new ResultFileException(path, line, $"record '{id}' has field 'responseSha256' '{(hash.Length > 80 ? hash[..80] + "…" : hash)}'; it is 64 hexadecimal digits (a SHA-256).");
            }

            return new SnapshotRecord
            {
                Id = id,
                Repeat = repeat,
                Category = category,
                Verdict = verdict,
                Refused = refused,
                ResponseSha256 = hash,
                Excerpt = OptionalText(fields, "excerpt", path, line, id),
            };
        }
    }

    private static string RequiredText(Dictionary<string, JsonElement> fields, string name, string path, int line, string? id) =>
        fields.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new ResultFileException(path, line, $"{(id is null ? "a snapshot record" : $"record '{id}'")} needs field '{name}' as a non-empty string{(fields.ContainsKey(name) ? $", but it is {value.GetRawText()}" : " (a snapshot record needs 'id', 'category' and 'verdict')")}.");

    private static string? OptionalText(Dictionary<string, JsonElement> fields, string name, string path, int line, string id) =>
        !fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
            : value.ValueKind == JsonValueKind.String ? value.GetString()
            : throw new ResultFileException(path, line, $"record '{id}' has field '{name}' {value.GetRawText()}; it is a string.");

    private sealed class Line
    {
        public string? Id { get; set; }

        public int? Repeat { get; set; }

        public string? Category { get; set; }

        public string? Verdict { get; set; }

        public bool Refused { get; set; }

        public string? ResponseSha256 { get; set; }

        public string? Excerpt { get; set; }
    }
}
