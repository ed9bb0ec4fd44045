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

    internal static SnapshotRecord Parse(string json, string path, int line)
    {
        Line? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<Line>(json, RecordJson.Options);
        }
        catch (JsonException ex)
        {
            throw new ResultFileException(path, line, $"not a valid snapshot record: {ex.Message}", ex);
        }

        if (parsed?.Id is not { Length: > 0 } id || parsed.Category is not { Length: > 0 } category || parsed.Verdict is not { Length: > 0 } verdict)
        {
            throw new ResultFileException(path, line, "a snapshot record needs 'id', 'category' and 'verdict'.");
        }

        if (!VerdictLabelExtensions.TryParseWireName(verdict, out _))
        {
            throw new ResultFileException(path, line, $"record '{id}' has unknown verdict '{verdict}'.");
        }

        if (parsed.Repeat is < 0)
        {
            throw new ResultFileException(path, line, $"record '{id}' has field 'repeat' {parsed.Repeat}; repeats are numbered from 0.");
        }

        return new SnapshotRecord
        {
            Id = id,
            Repeat = parsed.Repeat ?? 0,
            Category = category,
            Verdict = verdict,
            Refused = parsed.Refused,
            ResponseSha256 = parsed.ResponseSha256,
            Excerpt = parsed.Excerpt,
        };
    }

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
