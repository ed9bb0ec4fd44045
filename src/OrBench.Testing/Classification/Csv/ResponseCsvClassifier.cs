using nietras.SeparatedValues;
using OrBench.Testing.Running;

namespace OrBench.Testing.Classification.Csv;

/// <summary>
/// Classifies a CSV of responses (the logic behind <c>orbench classify</c>): the input needs <c>prompt</c> and
/// <c>response</c> columns, may carry an <c>outcome</c> column (<c>answered</c>, <c>blocked</c>, <c>empty</c>,
/// <c>error</c>) and any others, which are kept in order; quoted fields may span lines. The output is the same
/// table plus <c>verdict</c> (wire name) and <c>refused</c> (<c>true</c>/<c>false</c>) columns, replacing them
/// if present. The output file is written to a temporary file and renamed, so it is never left half-written.
/// </summary>
public sealed class ResponseCsvClassifier
{
    /// <summary>Name of the added verdict column.</summary>
    public const string VerdictColumn = "verdict";

    /// <summary>Name of the added refused column.</summary>
    public const string RefusedColumn = "refused";

    private readonly IRefusalClassifier _classifier;
    private readonly int _maxConcurrency;

    /// <summary>Creates the CSV classifier.</summary>
    /// <param name="classifier">Decides each row.</param>
    /// <param name="maxConcurrency">Rows classified at once; raise it for judge-backed classifiers.</param>
    public ResponseCsvClassifier(IRefusalClassifier classifier, int maxConcurrency = 1)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        _classifier = classifier;
        _maxConcurrency = maxConcurrency;
    }

    /// <summary>Classifies <paramref name="inputPath"/> into <paramref name="outputPath"/> (which may be the same file).</summary>
    /// <exception cref="ResponseCsvException">The input is missing, lacks a required column, or has a bad row.</exception>
    public async Task<ResponseCsvSummary> ClassifyFileAsync(string inputPath, string outputPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(inputPath);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        if (!File.Exists(inputPath))
        {
            throw new ResponseCsvException(inputPath, null, "input file not found.");
        }

        var table = Read(new StringReader(DecodeStrict(await File.ReadAllBytesAsync(inputPath, cancellationToken).ConfigureAwait(false), inputPath)), inputPath);

        var verdicts = await ClassifyRowsAsync(table, cancellationToken);
        var fullOutput = Path.GetFullPath(outputPath);
        var directory = Path.GetDirectoryName(fullOutput)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(fullOutput)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var writer = new StreamWriter(temp, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                Write(table, verdicts, writer);
            }

            File.Move(temp, fullOutput, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        return Summarize(verdicts);
    }

    /// <summary>Classifies CSV text from <paramref name="input"/> into <paramref name="output"/>; <paramref name="sourceName"/> names the input in errors.</summary>
    public async Task<ResponseCsvSummary> ClassifyAsync(TextReader input, TextWriter output, string sourceName = "input", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var table = Read(input, sourceName);
        var verdicts = await ClassifyRowsAsync(table, cancellationToken);
        Write(table, verdicts, output);
        return Summarize(verdicts);
    }

    private async Task<RefusalVerdict[]> ClassifyRowsAsync(Table table, CancellationToken cancellationToken)
    {
        var verdicts = new RefusalVerdict[table.Rows.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, table.Rows.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _maxConcurrency, CancellationToken = cancellationToken },
            async (i, ct) => verdicts[i] = await _classifier.ClassifyAsync(table.Inputs[i], ct));
        return verdicts;
    }

    /// <summary>Decodes UTF-8 (BOM optional); a byte that is not UTF-8 fails naming its line instead of silently becoming U+FFFD in the output.</summary>
    private static string DecodeStrict(byte[] bytes, string source)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        if (!System.Text.Unicode.Utf8.IsValid(span))
        {
            var offset = 0;
            while (System.Text.Rune.DecodeFromUtf8(span[offset..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                offset += consumed;
            }

            throw new ResponseCsvException(source, 1 + span[..offset].Count((byte)'\n'), $"invalid UTF-8: byte 0x{span[offset]:X2} at byte offset {offset} is not UTF-8. Save the file as UTF-8.");
        }

        return System.Text.Encoding.UTF8.GetString(span);
    }

    private static Table Read(TextReader input, string source)
    {
        var text = input.ReadToEnd();
        if (CsvQuotes.FindProblem(text) is { } quote)
        {
            throw new ResponseCsvException(source, quote.Line, quote.Problem);
        }

        try
        {
            using var reader = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true, DisableColCountCheck = true }).FromText(text);
            var names = reader.Header.ColNames.ToArray();
            if (names.Length == 0)
            {
                throw new ResponseCsvException(source, 1, "the file is empty; expected a header with 'prompt' and 'response' columns.");
            }

            var promptIndex = Array.IndexOf(names, "prompt");
            var responseIndex = Array.IndexOf(names, "response");
            var outcomeIndex = Array.IndexOf(names, "outcome");
            if (promptIndex < 0 || responseIndex < 0)
            {
                var missing = string.Join(" and ", new[] { promptIndex < 0 ? "'prompt'" : null, responseIndex < 0 ? "'response'" : null }.OfType<string>());
                throw new ResponseCsvException(source, 1, $"missing required column {missing}; found: {string.Join(", ", names)}.");
            }

            var rows = new List<string[]>();
            var inputs = new List<ClassificationInput>();
            foreach (var row in reader)
            {
                if (names.Length > 1 && row.ColCount == 1 && row[0].Span.IsWhiteSpace())
                {
                    // A blank line (often the last one of a hand-edited file) holds no row.
                    continue;
                }

                if (row.ColCount != names.Length)
                {
                    throw new ResponseCsvException(source, row.LineNumberFrom, $"expected {names.Length} columns, found {row.ColCount}.");
                }

                var cells = new string[names.Length];
                for (var c = 0; c < cells.Length; c++)
                {
                    cells[c] = row[c].ToString();
                }

                var outcome = outcomeIndex < 0 ? OutcomeKind.Answered : ParseOutcome(cells[outcomeIndex], source, row.LineNumberFrom);
                rows.Add(cells);
                inputs.Add(new ClassificationInput(cells[promptIndex], cells[responseIndex], outcome));
            }

            return new Table(names, rows, inputs);
        }
        catch (ResponseCsvException)
        {
            throw;
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IOException or InvalidOperationException or NotSupportedException)
        {
            throw new ResponseCsvException(source, null, $"could not read CSV: {ex.Message}", ex);
        }
    }

    private static OutcomeKind ParseOutcome(string value, string source, int line) => value.Trim().ToUpperInvariant() switch
    {
        "" or "ANSWERED" => OutcomeKind.Answered,
        "BLOCKED" => OutcomeKind.Blocked,
        "EMPTY" => OutcomeKind.Empty,
        "ERROR" => OutcomeKind.Error,
        _ => throw new ResponseCsvException(source, line, $"unknown outcome '{value}'; expected answered, blocked, empty or error."),
    };

    private static void Write(Table table, RefusalVerdict[] verdicts, TextWriter output)
    {
        var names = table.Names.ToList();
        if (!names.Contains(VerdictColumn))
        {
            names.Add(VerdictColumn);
        }

        if (!names.Contains(RefusedColumn))
        {
            names.Add(RefusedColumn);
        }

        using var writer = Sep.Writer(o => o with { Sep = new Sep(','), Escape = true }).To(output, leaveOpen: true);
        writer.Header.Add(names);
        writer.Header.Write();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            using var row = writer.NewRow();
            var cells = table.Rows[r];
            for (var c = 0; c < table.Names.Length; c++)
            {
                if (table.Names[c] is not (VerdictColumn or RefusedColumn))
                {
                    row[table.Names[c]].Set(cells[c]);
                }
            }

            row[VerdictColumn].Set(verdicts[r].Label.ToWireName());
            row[RefusedColumn].Set(verdicts[r].IsRefusal ? "true" : "false");
        }
    }

    private static ResponseCsvSummary Summarize(RefusalVerdict[] verdicts)
    {
        var counts = verdicts.GroupBy(v => v.Label).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
        return new ResponseCsvSummary(verdicts.Length, counts);
    }

    private sealed record Table(string[] Names, List<string[]> Rows, List<ClassificationInput> Inputs);
}
