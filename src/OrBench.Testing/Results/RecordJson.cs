using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using OrBench.Testing.Classification;

namespace OrBench.Testing.Results;

/// <summary>One record as it appears on the wire (results.json <c>records</c> and each records.jsonl line).</summary>
internal sealed class RecordJson
{
    public string? Id { get; set; }

    public int Repeat { get; set; }

    public string? Category { get; set; }

    public string? Expected { get; set; }

    public string? Outcome { get; set; }

    public string? Verdict { get; set; }

    public bool Refused { get; set; }

    public string? Classifier { get; set; }

    public double? Confidence { get; set; }

    public double LatencyMs { get; set; }

    public long? InputTokens { get; set; }

    public long? OutputTokens { get; set; }

    public string? ResponseSha256 { get; set; }

    public string? Excerpt { get; set; }

    public string? Error { get; set; }

    public string? Prompt { get; set; }

    public string? Response { get; set; }

    /// <summary>Shared options: camelCase, nulls omitted, HTML-sensitive characters escaped, other Unicode kept readable.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>
    /// Writes one compact JSON object per record, each followed by a line feed, exactly as
    /// <c>JsonSerializer.Serialize(From(record), Options)</c> would, but straight into UTF-8 and in 64 KB writes, so
    /// 80,000 records never exist as one string.
    /// </summary>
    public static async Task WriteLinesAsync(IEnumerable<PromptRecord> records, Stream stream, CancellationToken cancellationToken)
    {
        const int FlushAt = 64 * 1024;
        var buffer = new ArrayBufferWriter<byte>(2 * FlushAt);
        await using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Options.Encoder, SkipValidation = true });
        foreach (var record in records)
        {
            JsonSerializer.Serialize(writer, From(record), Options);
            writer.Flush();
            writer.Reset();
            buffer.GetSpan(1)[0] = (byte)'\n';
            buffer.Advance(1);
            if (buffer.WrittenCount >= FlushAt)
            {
                await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                buffer.ResetWrittenCount();
            }
        }

        await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    public static RecordJson From(PromptRecord record) => new()
    {
        Id = record.Id,
        Repeat = record.Repeat,
        Category = record.Category,
        Expected = record.Expected.ToWireName(),
        Outcome = record.Outcome.ToWireName(),
        Verdict = record.Verdict.ToWireName(),
        Refused = record.Refused,
        Classifier = record.Classifier,
        Confidence = record.Confidence,
        LatencyMs = record.LatencyMs,
        InputTokens = record.InputTokens,
        OutputTokens = record.OutputTokens,
        ResponseSha256 = record.ResponseSha256,
        Excerpt = record.Excerpt,
        Error = record.Error,
        Prompt = record.Prompt,
        Response = record.Response,
    };

    /// <summary>Converts back; <paramref name="fail"/> builds the typed error naming file and line.</summary>
    public PromptRecord ToRecord(Func<string, Exception> fail)
    {
        if (string.IsNullOrWhiteSpace(Id))
        {
            throw fail("record has no 'id'.");
        }

        if (string.IsNullOrWhiteSpace(Category))
        {
            throw fail($"record '{Id}' has no 'category'.");
        }

        if (!WireNames.TryParseExpected(Expected, out var expected))
        {
            throw fail($"record '{Id}' has expected '{Expected}'; use 'answer' or 'refuse'.");
        }

        if (!WireNames.TryParseOutcome(Outcome, out var outcome))
        {
            throw fail($"record '{Id}' has outcome '{Outcome}'; use answered, blocked, empty or error.");
        }

        if (!VerdictLabelExtensions.TryParseWireName(Verdict, out var verdict))
        {
            throw fail($"record '{Id}' has verdict '{Verdict}'; use direct_answer, direct_refusal, indirect_refusal, blocked, empty, error or unparsed.");
        }

        // Hand-edited or foreign files: a value no run can produce would skew latency, token and confidence figures.
        if (Repeat < 0)
        {
            throw fail($"record '{Id}' has repeat {Repeat}; repeats count from 0.");
        }

        if (Confidence is { } confidence && !(confidence is >= 0 and <= 1))
        {
            throw fail($"record '{Id}' has confidence {confidence.ToString(CultureInfo.InvariantCulture)}; it must lie between 0 and 1.");
        }

        if (!(LatencyMs >= 0) || double.IsInfinity(LatencyMs))
        {
            throw fail($"record '{Id}' has latencyMs {LatencyMs.ToString(CultureInfo.InvariantCulture)}; it must be a finite number of at least 0.");
        }

        if (InputTokens < 0 || OutputTokens < 0)
        {
            throw fail($"record '{Id}' has a negative token count (inputTokens {InputTokens}, outputTokens {OutputTokens}).");
        }

        return new PromptRecord
        {
            Id = Id,
            Repeat = Repeat,
            Category = Category,
            Expected = expected,
            Outcome = outcome,
            Verdict = verdict,
            Classifier = Classifier,
            Confidence = Confidence,
            LatencyMs = LatencyMs,
            InputTokens = InputTokens,
            OutputTokens = OutputTokens,
            ResponseSha256 = ResponseSha256,
            Excerpt = Excerpt,
            Error = Error,
            Prompt = Prompt,
            Response = Response,
        };
    }
}
