using System.Buffers;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading.Channels;
using OrBench.Testing.IO;
using OrBench.Testing.Running;

namespace OrBench.Testing.Classification.Csv;

/// <summary>
/// Classifies a CSV of responses (the logic behind <c>orbench classify</c>): the input needs <c>prompt</c> and
/// <c>response</c> columns, may carry an <c>outcome</c> column (<c>answered</c>, <c>blocked</c>, <c>empty</c>,
/// <c>error</c>) and any others, which are kept in order; quoted fields may span lines; a UTF-8 BOM is skipped. The
/// output is the same table plus <c>verdict</c> (wire name), <c>refused</c> (<c>true</c>/<c>false</c>),
/// <c>confidence</c> (0–1) and <c>classifier</c> (<c>offline</c>, <c>keyword</c>, <c>judge</c>, <c>cascade</c>)
/// columns, replacing them where present. Cells that would start a spreadsheet formula are neutralised
/// (<see cref="CsvCells"/>) unless <see cref="NeutralizeCells"/> is false. The output file is written to a temporary
/// file and renamed, so it is never left half-written.
/// </summary>
/// <remarks>
/// Streaming, in memory independent of the input's size: one task reads the file in blocks of about a megabyte of
/// whole records (<see cref="CsvScanner"/>: quote rules, UTF-8, column counts and outcomes checked in file order, so the
/// first bad line is the one reported), blocks are classified and formatted on all cores, and the output is written
/// block by block in input order. A cell is copied as its bytes, re-quoted only where the CSV escaping rule (quote a
/// cell holding <c>,</c>, <c>"</c>, CR or LF) differs from the input's, so the output is the same whatever the
/// parallelism.
/// </remarks>
public sealed class ResponseCsvClassifier
{
    /// <summary>Name of the added verdict column.</summary>
    public const string VerdictColumn = "verdict";

    /// <summary>Name of the added refused column.</summary>
    public const string RefusedColumn = "refused";

    /// <summary>Name of the added confidence column (the verdict's confidence, 0 to 1).</summary>
    public const string ConfidenceColumn = "confidence";

    /// <summary>Name of the added classifier column (the short name of the classifier that was run).</summary>
    public const string ClassifierColumn = "classifier";

    /// <summary>Bytes of input read per block (a block always ends at a record's end, so one long record makes a longer block).</summary>
    internal const int BlockBytes = 1 << 20;

    private static readonly string[] OutputColumns = [VerdictColumn, RefusedColumn, ConfidenceColumn, ClassifierColumn];
    private static readonly SearchValues<byte> NeedsQuotes = SearchValues.Create(",\"\r\n"u8);

    private readonly IRefusalClassifier _classifier;
    private readonly int _maxConcurrency;
    private readonly byte[] _classifierName;

    /// <summary>Creates the CSV classifier.</summary>
    /// <param name="classifier">Decides each row.</param>
    /// <param name="maxConcurrency">Rows classified at once (also the number of cores used, up to all of them); raise it for judge-backed classifiers.</param>
    public ResponseCsvClassifier(IRefusalClassifier classifier, int maxConcurrency = 1)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        _classifier = classifier;
        _maxConcurrency = maxConcurrency;
        _classifierName = Encoding.UTF8.GetBytes(ShortName(classifier.Name));
    }

    /// <summary>
    /// True (default): a cell starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR is written with a leading
    /// <c>'</c> (OWASP), so a response cannot run as a formula when the file is opened in a spreadsheet. False writes
    /// every cell as it was (<c>--raw-csv</c>).
    /// </summary>
    public bool NeutralizeCells { get; init; } = true;

    /// <summary>The short classifier name written in the classifier column: the leading letters of <paramref name="name"/> (<c>keyword:default</c> → <c>keyword</c>, <c>cascade(offline&gt;judge:m)</c> → <c>cascade</c>).</summary>
    public static string ShortName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var end = 0;
        while (end < name.Length && (char.IsAsciiLetterOrDigit(name[end]) || name[end] is '_' or '.'))
        {
            end++;
        }

        return end == 0 ? name : name[..end];
    }

    /// <summary>Classifies <paramref name="inputPath"/> into <paramref name="outputPath"/> (which may be the same file).</summary>
    /// <exception cref="ResponseCsvException">The input is missing, is not UTF-8, lacks a required column, or has a bad row.</exception>
    public async Task<ResponseCsvSummary> ClassifyFileAsync(string inputPath, string outputPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(inputPath);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        if (!File.Exists(inputPath))
        {
            throw new ResponseCsvException(inputPath, null, "input file not found.");
        }

        var fullOutput = Path.GetFullPath(outputPath);
        var directory = Path.GetDirectoryName(fullOutput)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(fullOutput)}.{Guid.NewGuid():N}.tmp");
        try
        {
            ResponseCsvSummary summary;
            await using (var input = new FileStream(inputPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous))
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                summary = await ClassifyAsync(input, output, inputPath, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temp, fullOutput, overwrite: true);
            return summary;
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Classifies CSV text from <paramref name="input"/> into <paramref name="output"/>; <paramref name="sourceName"/> names the input in errors.</summary>
    /// <exception cref="ResponseCsvException">The input lacks a required column or has a bad row.</exception>
    public async Task<ResponseCsvSummary> ClassifyAsync(TextReader input, TextWriter output, string sourceName = "input", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        using var source = new MemoryStream(Encoding.UTF8.GetBytes(await input.ReadToEndAsync(cancellationToken).ConfigureAwait(false)));
        using var sink = new MemoryStream();
        var summary = await ClassifyAsync(source, sink, sourceName, cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(Encoding.UTF8.GetString(sink.GetBuffer(), 0, (int)sink.Length).AsMemory(), cancellationToken).ConfigureAwait(false);
        return summary;
    }

    /// <summary>Classifies the UTF-8 CSV of <paramref name="input"/> into <paramref name="output"/>, streaming; <paramref name="sourceName"/> names the input in errors.</summary>
    /// <exception cref="ResponseCsvException">The input is not UTF-8, lacks a required column, or has a bad row.</exception>
    public async Task<ResponseCsvSummary> ClassifyAsync(Stream input, Stream output, string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sourceName);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = Math.Clamp(_maxConcurrency, 1, Environment.ProcessorCount);
        var blocks = Channel.CreateBounded<Task<Block>>(new BoundedChannelOptions(workers) { SingleReader = true, SingleWriter = true });
        var reader = new BlockReader(this, input, sourceName, Math.Max(1, _maxConcurrency / workers), blocks.Writer, stop);
        var reading = Task.Run(reader.RunAsync, CancellationToken.None);
        var rows = 0;
        var counts = new Dictionary<VerdictLabel, int>();
        Exception? writeFailure = null;
        try
        {
            await foreach (var pending in blocks.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                var block = await pending.ConfigureAwait(false);
                await output.WriteAsync(block.Bytes.AsMemory(0, block.Length), stop.Token).ConfigureAwait(false);
                ArrayPool<byte>.Shared.Return(block.Bytes);
                rows += block.Rows;
                foreach (var (label, count) in block.Counts)
                {
                    counts[label] = counts.GetValueOrDefault(label) + count;
                }
            }

            await output.FlushAsync(stop.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Every failure is rethrown below; the reader's own failure (the first bad line) wins.
        catch (Exception e)
#pragma warning restore CA1031
        {
            writeFailure = e;
            await stop.CancelAsync().ConfigureAwait(false);
        }

        Exception? readFailure = null;
        try
        {
            await reading.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Rethrown below.
        catch (Exception e)
#pragma warning restore CA1031
        {
            readFailure = e;
        }

        foreach (var failure in new[] { readFailure, writeFailure })
        {
            if (failure is not null and not OperationCanceledException)
            {
                ExceptionDispatchInfo.Throw(failure);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if ((readFailure ?? writeFailure) is { } cancelled)
        {
            ExceptionDispatchInfo.Throw(cancelled);
        }

        return new ResponseCsvSummary(rows, counts.OrderBy(c => c.Key).ToDictionary(c => c.Key, c => c.Value));
    }

    private static OutcomeKind ParseOutcome(string value, string source, int line) => value.Trim().ToUpperInvariant() switch
    {
        "" or "ANSWERED" => OutcomeKind.Answered,
        "BLOCKED" => OutcomeKind.Blocked,
        "EMPTY" => OutcomeKind.Empty,
        "ERROR" => OutcomeKind.Error,
        _ => throw new ResponseCsvException(source, line, $"unknown outcome '{value}'; expected answered, blocked, empty or error."),
    };

    /// <summary>The unescaped text of a raw field (quotes removed, doubled quotes undoubled).</summary>
    private static string Text(ReadOnlySpan<byte> raw, bool quoted)
    {
        if (!quoted)
        {
            return Encoding.UTF8.GetString(raw);
        }

        var inner = raw[1..^1];
        var text = Encoding.UTF8.GetString(inner);
        return inner.Contains((byte)'"') ? text.Replace("\"\"", "\"", StringComparison.Ordinal) : text;
    }

    private static Block ClassifiedBlock(int rows, Sink sink, Dictionary<VerdictLabel, int> counts) => new(sink.Buffer, sink.Length, rows, counts);

    /// <summary>Writes one cell as CSV: quoted only when it holds a comma, quote, CR or LF; neutralised when asked.</summary>
    private void WriteCell(Sink sink, ReadOnlySpan<byte> raw, bool quoted)
    {
        var content = quoted ? raw[1..^1] : raw;
        var neutralize = NeutralizeCells && CsvCells.NeedsNeutralizing(content);
        var quote = quoted && content.ContainsAny(NeedsQuotes);
        if (quote)
        {
            sink.Write((byte)'"');
        }

        if (neutralize)
        {
            sink.Write((byte)CsvCells.Prefix);
        }

        sink.Write(content);
        if (quote)
        {
            sink.Write((byte)'"');
        }
    }

    private void WriteOutputCell(Sink sink, int column, RefusalVerdict verdict)
    {
        switch (column)
        {
            case 0:
                sink.WriteAscii(verdict.Label.ToWireName());
                break;
            case 1:
                sink.Write(verdict.IsRefusal ? "true"u8 : "false"u8);
                break;
            case 2:
                var confidence = double.IsFinite(verdict.Confidence) ? Math.Clamp(verdict.Confidence, 0, 1) : 0;
                sink.WriteAscii(confidence.ToString("0.####", CultureInfo.InvariantCulture));
                break;
            default:
                sink.Write(_classifierName);
                break;
        }
    }

    private async Task<Block> ClassifyBlockAsync(Records records, Layout layout, int inFlight, CancellationToken cancellationToken)
    {
        try
        {
            var data = records.Data;
            var width = layout.Width;
            var verdicts = new RefusalVerdict[records.Count];
            var pending = new Queue<(int Row, Task<RefusalVerdict> Verdict)>();
            for (var r = 0; r < records.Count; r++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var prompt = records.Field(r, width, layout.Prompt);
                var response = records.Field(r, width, layout.Response);
                var input = new ClassificationInput(
                    Text(data.AsSpan(prompt.Start, prompt.End - prompt.Start), prompt.Quoted),
                    Text(data.AsSpan(response.Start, response.End - response.Start), response.Quoted),
                    records.Outcomes[r]);
                var verdict = _classifier.ClassifyAsync(input, cancellationToken);
                if (verdict.IsCompletedSuccessfully)
                {
                    verdicts[r] = verdict.Result;
                    continue;
                }

                pending.Enqueue((r, verdict.AsTask()));
                if (pending.Count >= inFlight)
                {
                    var (row, task) = pending.Dequeue();
                    verdicts[row] = await task.ConfigureAwait(false);
                }
            }

            while (pending.TryDequeue(out var next))
            {
                verdicts[next.Row] = await next.Verdict.ConfigureAwait(false);
            }

            var sink = new Sink(records.Length + (records.Count * 48) + 64);
            var counts = new Dictionary<VerdictLabel, int>();
            for (var r = 0; r < records.Count; r++)
            {
                var verdict = verdicts[r];
                counts[verdict.Label] = counts.GetValueOrDefault(verdict.Label) + 1;
                for (var c = 0; c < width; c++)
                {
                    if (c > 0)
                    {
                        sink.Write((byte)',');
                    }

                    if (layout.Replaced[c] is var replaced and >= 0)
                    {
                        WriteOutputCell(sink, replaced, verdict);
                    }
                    else
                    {
                        var field = records.Field(r, width, c);
                        WriteCell(sink, data.AsSpan(field.Start, field.End - field.Start), field.Quoted);
                    }
                }

                foreach (var added in layout.Added)
                {
                    sink.Write((byte)',');
                    WriteOutputCell(sink, added, verdict);
                }

                sink.Write((byte)'\n');
            }

            return ClassifiedBlock(records.Count, sink, counts);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(records.Data);
        }
    }

    /// <summary>Where each column goes: the input's columns (an output column in place, index into <see cref="OutputColumns"/>, or -1 to copy) and the output columns appended.</summary>
    private sealed record Layout(int Width, int Prompt, int Response, int Outcome, int[] Replaced, int[] Added);

    /// <summary>Whole records of one block: the bytes (rented) and every record's field bounds, <c>Width</c> per record.</summary>
    private sealed record Records(byte[] Data, int Length, int Count, CsvField[] Fields, OutcomeKind[] Outcomes)
    {
        public CsvField Field(int row, int width, int column) => Fields[(row * width) + column];
    }

    /// <summary>One block of output, in a rented array.</summary>
    private sealed record Block(byte[] Bytes, int Length, int Rows, Dictionary<VerdictLabel, int> Counts);

    /// <summary>A growable byte buffer rented from the shared pool.</summary>
    private sealed class Sink(int capacity)
    {
        public byte[] Buffer { get; private set; } = ArrayPool<byte>.Shared.Rent(capacity);

        public int Length { get; private set; }

        public void Write(byte value)
        {
            Ensure(1);
            Buffer[Length++] = value;
        }

        public void Write(ReadOnlySpan<byte> bytes)
        {
            Ensure(bytes.Length);
            bytes.CopyTo(Buffer.AsSpan(Length));
            Length += bytes.Length;
        }

        public void WriteAscii(string text)
        {
            Ensure(text.Length);
            Length += Encoding.ASCII.GetBytes(text, Buffer.AsSpan(Length));
        }

        private void Ensure(int extra)
        {
            if (Length + extra <= Buffer.Length)
            {
                return;
            }

            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(Buffer.Length * 2, Length + extra));
            Buffer.AsSpan(0, Length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(Buffer);
            Buffer = larger;
        }
    }

    /// <summary>
    /// Reads the input in blocks of whole records, checks them in file order (UTF-8, quotes, header, column counts,
    /// outcomes) and hands each block to a classifying task, in order, through a bounded channel.
    /// </summary>
    private sealed class BlockReader(ResponseCsvClassifier owner, Stream input, string source, int inFlight, ChannelWriter<Task<Block>> blocks, CancellationTokenSource stop)
    {
        private readonly List<CsvField> _fields = [];
        private Layout? _layout;
        private int _line = 1;
        private long _offset;

        public async Task RunAsync()
        {
            try
            {
                await ReadAllAsync(stop.Token).ConfigureAwait(false);
                blocks.TryComplete();
            }
            catch (Exception e)
            {
                await stop.CancelAsync().ConfigureAwait(false);
                blocks.TryComplete(e);
                throw;
            }
        }

        private async Task ReadAllAsync(CancellationToken cancellationToken)
        {
            var data = ArrayPool<byte>.Shared.Rent(BlockBytes);
            var length = 0;
            var end = false;
            var first = true;
            while (true)
            {
                while (length < data.Length && !end)
                {
                    var read = await input.ReadAsync(data.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    end = read == 0;
                    length += read;
                }

                if (first)
                {
                    first = false;
                    if (data.AsSpan(0, length).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                    {
                        data.AsSpan(3, length - 3).CopyTo(data);
                        length -= 3;
                    }

                    if (length == 0 && end)
                    {
                        throw new ResponseCsvException(source, 1, "the file is empty; expected a header with 'prompt' and 'response' columns.");
                    }
                }

                var consumed = Scan(data, length, end, out var records);
                if (end && consumed == length)
                {
                    if (records is null)
                    {
                        ArrayPool<byte>.Shared.Return(data);
                    }
                    else
                    {
                        await ScheduleAsync(records, cancellationToken).ConfigureAwait(false);
                    }

                    if (_layout is null)
                    {
                        throw new ResponseCsvException(source, 1, "the file is empty; expected a header with 'prompt' and 'response' columns.");
                    }

                    return;
                }

                // The unfinished record moves to a fresh block (twice as large when it alone fills the block) before
                // this block is handed on: its task returns the array to the pool when done.
                var next = ArrayPool<byte>.Shared.Rent(consumed == 0 ? data.Length * 2 : BlockBytes);
                data.AsSpan(consumed, length - consumed).CopyTo(next);
                if (records is null)
                {
                    ArrayPool<byte>.Shared.Return(data);
                }
                else
                {
                    await ScheduleAsync(records, cancellationToken).ConfigureAwait(false);
                }

                _offset += consumed;
                length -= consumed;
                data = next;
            }
        }

        private ValueTask ScheduleAsync(Records records, CancellationToken cancellationToken)
        {
            var layout = _layout!;
            return blocks.WriteAsync(Task.Run(() => owner.ClassifyBlockAsync(records, layout, inFlight, cancellationToken), cancellationToken), cancellationToken);
        }

        /// <summary>Checks and indexes the whole records of <paramref name="data"/>; returns the bytes they take.</summary>
        private int Scan(byte[] data, int length, bool end, out Records? records)
        {
            var span = data.AsSpan(0, length);
            var fields = new List<CsvField>();
            var outcomes = new List<OutcomeKind>();
            var position = 0;
            while (position < length)
            {
                var line = _line;
                var status = CsvScanner.ScanRecord(span, position, end, ref line, _fields, out var next, out var problem);
                if (status == ScanStatus.NeedMoreData)
                {
                    break;
                }

                if (status == ScanStatus.Record)
                {
                    CheckUtf8(span, position, next);
                }

                if (status == ScanStatus.Problem)
                {
                    throw new ResponseCsvException(source, problem.Line, problem.Message);
                }

                if (_layout is null)
                {
                    _layout = Header(span);
                }
                else if (!(_layout.Width > 1 && _fields.Count == 1 && string.IsNullOrWhiteSpace(Text(span, _fields[0]))))
                {
                    if (_fields.Count != _layout.Width)
                    {
                        throw new ResponseCsvException(source, _line, $"expected {_layout.Width} columns, found {_fields.Count}.");
                    }

                    outcomes.Add(_layout.Outcome < 0 ? OutcomeKind.Answered : ParseOutcome(Text(span, _fields[_layout.Outcome]), source, _line));
                    fields.AddRange(_fields);
                }

                _line = line;
                position = next;
            }

            records = outcomes.Count == 0 ? null : new Records(data, position, outcomes.Count, [.. fields], [.. outcomes]);
            return position;
        }

        /// <summary>Fails naming the line and byte offset of the first byte of the record at <paramref name="from"/>..<paramref name="to"/> that is not UTF-8.</summary>
        private void CheckUtf8(ReadOnlySpan<byte> span, int from, int to)
        {
            var record = span[from..to];
            if (System.Text.Unicode.Utf8.IsValid(record))
            {
                return;
            }

            var offset = 0;
            while (Rune.DecodeFromUtf8(record[offset..], out _, out var consumed) == OperationStatus.Done)
            {
                offset += consumed;
            }

            var line = _line + record[..offset].Count((byte)'\n');
            throw new ResponseCsvException(source, line, $"invalid UTF-8: byte 0x{record[offset]:X2} at byte offset {_offset + from + offset} is not UTF-8. Save the file as UTF-8.");
        }

        private static string Text(ReadOnlySpan<byte> span, CsvField field) =>
            ResponseCsvClassifier.Text(span[field.Start..field.End], field.Quoted);

        private Layout Header(ReadOnlySpan<byte> span)
        {
            var names = new string[_fields.Count];
            for (var c = 0; c < names.Length; c++)
            {
                names[c] = Text(span, _fields[c]);
            }

            // Two columns of one name would leave which one is read, and which one the verdict replaces, to chance.
            if (names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw new ResponseCsvException(source, 1, $"the header names the column '{twice.Key}' twice; found: {string.Join(", ", names)}. Keep one '{twice.Key}' column.");
            }

            var prompt = Array.IndexOf(names, "prompt");
            var response = Array.IndexOf(names, "response");
            if (prompt < 0 || response < 0)
            {
                var missing = string.Join(" and ", new[] { prompt < 0 ? "'prompt'" : null, response < 0 ? "'response'" : null }.OfType<string>());
                throw new ResponseCsvException(source, 1, $"missing required column {missing}; found: {string.Join(", ", names)}.");
            }

            var replaced = names.Select(n => Array.IndexOf(OutputColumns, n)).ToArray();
            var added = Enumerable.Range(0, OutputColumns.Length).Where(i => !replaced.Contains(i)).ToArray();
            var layout = new Layout(names.Length, prompt, response, Array.IndexOf(names, "outcome"), replaced, added);

            var sink = new Sink(span.Length + 64);
            for (var c = 0; c < _fields.Count; c++)
            {
                if (c > 0)
                {
                    sink.Write((byte)',');
                }

                owner.WriteCell(sink, span[_fields[c].Start.._fields[c].End], _fields[c].Quoted);
            }

            foreach (var column in added)
            {
                sink.Write((byte)',');
                sink.WriteAscii(OutputColumns[column]);
            }

            sink.Write((byte)'\n');
            if (!blocks.TryWrite(Task.FromResult(ClassifiedBlock(0, sink, []))))
            {
                throw new InvalidOperationException("the header block must fit the empty channel");
            }

            return layout;
        }
    }
}
