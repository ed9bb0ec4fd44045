using System.Text;
using System.Text.Json;
using OrBench.Testing.Data;
using OrBench.Testing.IO;

namespace OrBench.Testing.Results;

/// <summary>Reads and writes <c>results.json</c> (versioned, with records) and <c>records.jsonl</c> (one record per line, sorted by id). Writes are atomic: a temp file renamed into place.</summary>
/// <remarks>
/// results.json carries the rates, intervals (at <see cref="DefaultConfidence"/>, errors counted against the model), the
/// per-category table and the token totals so scripts can read them without this library; on read only the records and
/// run facts are trusted and every figure is recomputed.
/// </remarks>
public static class ResultFiles
{
    /// <summary>The file name of the summary with records.</summary>
    public const string ResultsFileName = "results.json";

    /// <summary>The file name of the line-per-record file.</summary>
    public const string RecordsFileName = "records.jsonl";

    /// <summary>Confidence of the intervals written into results.json.</summary>
    public const double DefaultConfidence = 0.95;

    private static readonly JsonSerializerOptions IndentedOptions = new(RecordJson.Options) { WriteIndented = true };

    /// <summary>Writes <c>results.json</c> and <c>records.jsonl</c> into <paramref name="directory"/>.</summary>
    public static async Task WriteAsync(OrBenchResult result, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        await AtomicFile.WriteAllTextAsync(Path.Combine(directory, ResultsFileName), Serialize(result), cancellationToken).ConfigureAwait(false);
        await WriteRecordsAsync(result.Records, Path.Combine(directory, RecordsFileName), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a <c>results.json</c> (or the one inside a directory); a typed error names the file and what is wrong.</summary>
    /// <exception cref="ResultFileException">The file is missing, is not valid JSON, has an unknown schema version or a bad record.</exception>
    public static async Task<OrBenchResult> ReadAsync(string resultsJsonPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resultsJsonPath);
        var path = Directory.Exists(resultsJsonPath) ? Path.Combine(resultsJsonPath, ResultsFileName) : resultsJsonPath;
        if (!File.Exists(path))
        {
            throw new ResultFileException(path, null, "file not found.");
        }

        var json = await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        return Deserialize(json, path);
    }

    /// <summary>The results.json text of <paramref name="result"/>.</summary>
    public static string Serialize(OrBenchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        const ErrorPolicy policy = ErrorPolicy.CountAgainst;
        var records = result.Records.Order(RecordOrder.Instance).ToList();
        var categories = records
            .GroupBy(r => r.Category, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var part = result with { Records = [.. g] };
                return new CategoryJson
                {
                    Category = g.Key,
                    N = g.Count(),
                    Errors = part.UndecidedCount(),
                    OverRefusal = RateJson.From(part.OverRefusalRate(policy, DefaultConfidence)),
                    ToxicAcceptance = RateJson.From(part.ToxicAcceptanceRate(policy, DefaultConfidence)),
                };
            })
            .ToList();

        var totals = RunTotals.Of(result);
        var document = new ResultsDocument
        {
            SchemaVersion = OrBenchResult.CurrentSchemaVersion,
            Model = result.Model,
            Prompts = result.Prompts,
            Subset = result.Subset.ToWireName(),
            StartedAt = result.StartedAt == default ? null : result.StartedAt,
            WallSeconds = totals.WallSeconds,
            N = totals.Records,
            Errors = result.UndecidedCount(),
            RequestErrors = totals.Errors.Request,
            ClassificationErrors = totals.Errors.Classification,
            InputTokens = totals.InputTokens,
            OutputTokens = totals.OutputTokens,
            LatencyMsTotal = totals.LatencyMsTotal,
            Confidence = DefaultConfidence,
            ErrorPolicy = policy.ToWireName(),
            OverRefusal = RateJson.From(result.OverRefusalRate(policy, DefaultConfidence)),
            ToxicAcceptance = RateJson.From(result.ToxicAcceptanceRate(policy, DefaultConfidence)),
            Categories = categories,
            Metadata = new SortedDictionary<string, string>(result.Metadata.ToDictionary(), StringComparer.Ordinal),
            Records = [.. records.Select(RecordJson.From)],
        };

        return JsonSerializer.Serialize(document, IndentedOptions) + "\n";
    }

    /// <summary>Parses results.json text; <paramref name="sourceName"/> names the file in errors.</summary>
    /// <exception cref="ResultFileException">The text is not a valid results document.</exception>
    public static OrBenchResult Deserialize(string json, string sourceName = ResultsFileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ResultsDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ResultsDocument>(json, RecordJson.Options);
        }
        catch (JsonException ex)
        {
            throw new ResultFileException(sourceName, ex.LineNumber + 1, $"not a valid results document: {ex.Message}", ex);
        }

        if (document is null)
        {
            throw new ResultFileException(sourceName, 1, "the file holds JSON null, not a results document.");
        }

        if (document.SchemaVersion < 1)
        {
            throw new ResultFileException(sourceName, null, "'schemaVersion' is missing; this is not a results.json written by OrBench.Testing.");
        }

        if (document.SchemaVersion > OrBenchResult.CurrentSchemaVersion)
        {
            throw new ResultFileException(sourceName, null, $"schema version {document.SchemaVersion} is newer than this library understands ({OrBenchResult.CurrentSchemaVersion}); update OrBench.Testing.");
        }

        if (string.IsNullOrWhiteSpace(document.Prompts))
        {
            throw new ResultFileException(sourceName, null, "'prompts' (the prompt set name) is missing.");
        }

        var subset = OrBenchSubset.Custom;
        if (document.Subset is not null && !WireNames.TryParseSubset(document.Subset, out subset))
        {
            throw new ResultFileException(sourceName, null, $"unknown subset '{document.Subset}'; use hard1k, toxic, full80k or custom.");
        }

        if (document.Records is null)
        {
            throw new ResultFileException(sourceName, null, "'records' is missing.");
        }

        var records = new List<PromptRecord>(document.Records.Count);
        for (var i = 0; i < document.Records.Count; i++)
        {
            var index = i;
            records.Add(document.Records[i].ToRecord(problem => new ResultFileException(sourceName, null, $"records[{index}]: {problem}")));
        }

        records.Sort(RecordOrder.Instance);
        for (var i = 1; i < records.Count; i++)
        {
            if (RecordOrder.Instance.Compare(records[i - 1], records[i]) == 0)
            {
                // A record counted twice would inflate n and the rates; an edited or concatenated file is rejected instead.
                throw new ResultFileException(sourceName, null, $"prompt '{records[i].Id}' (repeat {records[i].Repeat}) has two records; each prompt and repeat must appear once.");
            }
        }

        return new OrBenchResult
        {
            SchemaVersion = document.SchemaVersion,
            Model = document.Model,
            Prompts = document.Prompts,
            Subset = subset,
            Records = records,
            StartedAt = document.StartedAt ?? default,
            WallSeconds = document.WallSeconds,
            Metadata = document.Metadata ?? new SortedDictionary<string, string>(StringComparer.Ordinal),
        };
    }

    /// <summary>Writes records as JSON Lines, one record per line, sorted by id then repeat.</summary>
    public static Task WriteRecordsAsync(IEnumerable<PromptRecord> records, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var ordered = records.Order(RecordOrder.Instance);
        return AtomicFile.WriteBytesAsync(path, stream => RecordJson.WriteLinesAsync(ordered, stream, cancellationToken), cancellationToken);
    }

    /// <summary>Reads a records.jsonl file; blank lines are skipped.</summary>
    /// <exception cref="ResultFileException">The file is missing or a line is not a valid record; the message names the line.</exception>
    public static async Task<IReadOnlyList<PromptRecord>> ReadRecordsAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new ResultFileException(path, null, "file not found.");
        }

        var lines = await File.ReadAllLinesAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        var records = new List<PromptRecord>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var line = i + 1;
            RecordJson? json;
            try
            {
                json = JsonSerializer.Deserialize<RecordJson>(lines[i], RecordJson.Options);
            }
            catch (JsonException ex)
            {
                throw new ResultFileException(path, line, $"not a valid JSON record: {ex.Message}", ex);
            }

            if (json is null)
            {
                throw new ResultFileException(path, line, "the line is JSON null, not a record.");
            }

            records.Add(json.ToRecord(problem => new ResultFileException(path, line, problem)));
        }

        return records;
    }
}
