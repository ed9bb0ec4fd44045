using System.Text;
using System.Text.Json;
using CsvHelper;
using OrBench.Testing.Data;

namespace OrBench.Testing.Running;

/// <summary>
/// Scores responses that already exist, without any model: reads the reference OR-Bench checker's CSV
/// (<c>prompt,response,category</c>, RFC 4180 with multi-line quoted fields) or JSONL (one object per line with
/// <c>response</c> and <c>prompt</c> and/or <c>id</c>) and matches each row to a prompt of a set. Rows match by id
/// when they carry one the set knows, otherwise by prompt text (exactly, then ignoring line-ending and surrounding
/// white-space differences). Unmatched rows and unanswered prompts are reported, never dropped silently.
/// </summary>
public static class ExistingResponses
{
    /// <summary>Reads a CSV or JSONL file, chosen by its extension (<c>.jsonl</c>/<c>.ndjson</c> are JSONL, anything else CSV).</summary>
    /// <exception cref="ResponseFileException">The file is malformed; names the file and line.</exception>
    public static async Task<ImportedResponses> ReadFileAsync(string path, PromptSet prompts, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var ext = Path.GetExtension(path);
        var text = await File.ReadAllTextAsync(path, cancellationToken);
        return ext.Equals(".jsonl", StringComparison.OrdinalIgnoreCase) || ext.Equals(".ndjson", StringComparison.OrdinalIgnoreCase)
            ? ReadJsonl(text, prompts, path)
            : ReadCsv(text, prompts, path);
    }

    /// <summary>Reads CSV text with a header naming at least <c>prompt</c> and <c>response</c> (<c>category</c> is optional and ignored: the set's category wins).</summary>
    public static ImportedResponses ReadCsv(string csv, PromptSet prompts, string sourceName = "responses.csv")
    {
        ArgumentNullException.ThrowIfNull(csv);
        if (Classification.Csv.CsvQuotes.FindProblem(csv) is { } quote)
        {
            throw new ResponseFileException(sourceName, quote.Line, quote.Problem);
        }

        var rows = new List<Row>();
        if (DuplicateColumn(csv) is { } twice)
        {
            throw new ResponseFileException(sourceName, 1, $"the header names '{twice}' twice; keep one '{twice}' column.");
        }

        using var reader = CsvReader.Create(new StringReader(csv), new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            TrimWhitespace = false,
            DetectSeparatorHint = false,
        });
        var header = reader.Headers.ToArray();
        var promptCol = Array.IndexOf(header, "prompt");
        var responseCol = Array.IndexOf(header, "response");
        if (promptCol < 0 || responseCol < 0)
        {
            throw new ResponseFileException(sourceName, 1, "the header must name the columns 'prompt' and 'response' (the reference checker's 'prompt,response,category').");
        }

        var idCol = Array.IndexOf(header, "id");
        while (reader.Read())
        {
            var line = (int)reader.LineNumber;
            if (reader.FieldCount != header.Length)
            {
                // An unquoted comma would otherwise shift the response into the wrong column; the error names the field like a prompt CSV's.
                var columns = string.Join(",", header);
                throw new ResponseFileException(sourceName, line, reader.FieldCount > header.Length
                    ? $"field {header.Length + 1}, after '{header[^1]}': the row has {reader.FieldCount} fields but the header has {header.Length} ({columns}); a prompt or response that contains a comma must be quoted, e.g. \"Sure, here is how\"."
                    : $"field '{header[reader.FieldCount]}' is missing: the row has {reader.FieldCount} fields but the header has {header.Length} ({columns}).");
            }

            rows.Add(new Row(
                line,
                idCol >= 0 ? reader.GetString(idCol) : null,
                reader.GetString(promptCol),
                reader.GetString(responseCol)));
        }

        return Match(rows, prompts);
    }

    /// <summary>Reads JSONL text: each non-blank line an object with <c>response</c> and <c>prompt</c> and/or <c>id</c>.</summary>
    public static ImportedResponses ReadJsonl(string jsonl, PromptSet prompts, string sourceName = "responses.jsonl")
    {
        ArgumentNullException.ThrowIfNull(jsonl);
        var rows = new List<Row>();
        var lineNumber = 0;
        foreach (var line in jsonl.Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new ResponseFileException(sourceName, lineNumber, "each line must be a JSON object.");
                }

                var id = GetString(root, "id");
                var prompt = GetString(root, "prompt");
                if (id is null && prompt is null)
                {
                    throw new ResponseFileException(sourceName, lineNumber, "the object has neither 'id' nor 'prompt'.");
                }

                if (!root.TryGetProperty("response", out var response) || response.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                {
                    throw new ResponseFileException(sourceName, lineNumber, "the object has no string 'response'.");
                }

                rows.Add(new Row(lineNumber, id, prompt, response.GetString() ?? string.Empty));
            }
            catch (JsonException ex)
            {
                throw new ResponseFileException(sourceName, lineNumber, "not valid JSON: " + ex.Message, ex);
            }
        }

        return Match(rows, prompts);
    }

    /// <summary>A column the header names twice (ignoring case), read before Sep, which refuses such a header in its own words.</summary>
    private static string? DuplicateColumn(string csv)
    {
        var end = csv.AsSpan().IndexOfAny('\r', '\n');
        var header = (end < 0 ? csv : csv[..end]).Split(',').Select(n => n.Trim().Trim('"'));
        return header.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1)?.Key;
    }

    private static string? GetString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static ImportedResponses Match(List<Row> rows, PromptSet prompts)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        var byText = new Dictionary<string, int>(StringComparer.Ordinal);
        var byNormalised = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < prompts.Count; i++)
        {
            byId.TryAdd(prompts[i].Id, i);
            byText.TryAdd(prompts[i].Text, i);
            byNormalised.TryAdd(Normalise(prompts[i].Text), i);
        }

        var matched = new string?[prompts.Count];
        var matchedLine = new int[prompts.Count];
        var unmatched = new List<UnmatchedResponse>();
        foreach (var row in rows)
        {
            var index = row.Id is not null && byId.TryGetValue(row.Id, out var byIdIndex) ? byIdIndex
                : row.Prompt is not null && byText.TryGetValue(row.Prompt, out var exact) ? exact
                : row.Prompt is not null && byNormalised.TryGetValue(Normalise(row.Prompt), out var loose) ? loose
                : -1;
            var shown = Shorten(row.Prompt ?? row.Id ?? string.Empty);
            if (index < 0)
            {
                unmatched.Add(new UnmatchedResponse(row.Line, shown, $"no prompt of '{prompts.Name}' has this {(row.Prompt is null ? "id" : "text")}"));
            }
            else if (matched[index] is not null)
            {
                unmatched.Add(new UnmatchedResponse(row.Line, shown, $"a second response for prompt {prompts[index].Id} (the first is on line {matchedLine[index]}); the first one is used") { DuplicateOfLine = matchedLine[index] });
            }
            else
            {
                matched[index] = row.Response;
                matchedLine[index] = row.Line;
            }
        }

        var kept = new List<OrBenchPrompt>();
        var outcomes = new List<PromptOutcome>();
        var missing = new List<string>();
        for (var i = 0; i < prompts.Count; i++)
        {
            if (matched[i] is not { } response)
            {
                missing.Add(prompts[i].Id);
                continue;
            }

            kept.Add(prompts[i]);
            outcomes.Add(new PromptOutcome
            {
                PromptId = prompts[i].Id,
                Kind = string.IsNullOrWhiteSpace(response) ? OutcomeKind.Empty : OutcomeKind.Answered,
                Text = response.Length == 0 ? null : response,
            });
        }

        return new ImportedResponses
        {
            Result = new RunResult
            {
                Prompts = kept.Count == prompts.Count ? prompts : new PromptSet(prompts.Name, prompts.Subset, kept),
                Outcomes = outcomes,
                Options = new RunOptions(),
            },
            Unmatched = unmatched,
            MissingPromptIds = missing,
        };
    }

    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "…");

    private sealed record Row(int Line, string? Id, string? Prompt, string Response);
}
