using System.Buffers;

namespace OrBench.Testing.Classification.Csv;

/// <summary>
/// The one RFC 4180 scanner and quote checker for response CSVs, over UTF-8 bytes: finds where each record and field
/// starts and ends and rejects quote problems on the line they occur. Lenient readers let an unclosed quote swallow
/// the rest of the file into one field and drop or re-open stray quotes, so a broken file would be classified
/// (wrongly) instead of rejected; here it fails naming its line.
/// </summary>
/// <remarks>
/// Why hand-written: <c>orbench classify</c> streams 85 MB of CSV in and out in a fraction of a second (issue 19), and
/// a record is found with vectorised searches (<see cref="SearchValues{T}"/>) for the next delimiter or quote instead of
/// a character at a time. Rules: a field is quoted when it starts with <c>"</c>; inside it <c>""</c> is a quote and a
/// closing quote must be followed by <c>,</c>, a line end or the end of the data; an unquoted field may not hold a
/// quote. Records end at <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>; lines are counted by <c>\n</c>.
/// <see cref="CsvQuotes"/> applies the same scanner to text already in memory.
/// </remarks>
internal static class CsvScanner
{
    private static readonly SearchValues<byte> UnquotedStops = SearchValues.Create(",\r\n\""u8);

    /// <summary>
    /// Scans the record that starts at <paramref name="start"/>. Returns <see cref="ScanStatus.Record"/> with its fields
    /// in <paramref name="fields"/> (raw bounds, quotes included) and <paramref name="next"/> at the next record;
    /// <see cref="ScanStatus.NeedMoreData"/> when the record does not end before the data does and
    /// <paramref name="final"/> is false; <see cref="ScanStatus.Problem"/> with <paramref name="problem"/>.
    /// <paramref name="line"/> is the record's first line on entry and the next record's on a return of Record.
    /// </summary>
    public static ScanStatus ScanRecord(ReadOnlySpan<byte> data, int start, bool final, ref int line, List<CsvField> fields, out int next, out CsvProblem problem)
    {
        fields.Clear();
        var position = start;
        var currentLine = line;
        problem = default;
        next = start;
        while (true)
        {
            var fieldStart = position;
            if (position < data.Length && data[position] == (byte)'"')
            {
                var openLine = currentLine;
                position++;
                while (true)
                {
                    var rest = data[position..];
                    var quote = rest.IndexOf((byte)'"');
                    if (quote < 0)
                    {
                        if (!final)
                        {
                            return ScanStatus.NeedMoreData;
                        }

                        problem = new CsvProblem(openLine, "unterminated quote: a quoted field opens on this line and is never closed (a quote inside a quoted field must be doubled: \"\").");
                        return ScanStatus.Problem;
                    }

                    currentLine += rest[..quote].Count((byte)'\n');
                    position += quote + 1;
                    if (position == data.Length && !final)
                    {
                        return ScanStatus.NeedMoreData;
                    }

                    if (position < data.Length && data[position] == (byte)'"')
                    {
                        position++;
                        continue;
                    }

                    if (position < data.Length && data[position] is not ((byte)',' or (byte)'\r' or (byte)'\n'))
                    {
                        var opened = openLine == currentLine ? string.Empty : $" (the field opened on line {openLine})";
                        problem = new CsvProblem(currentLine, $"malformed quote{opened}: a quoted field holds a lone quote; inside a quoted field write a quote as two quotes (\"\").");
                        return ScanStatus.Problem;
                    }

                    break;
                }

                fields.Add(new CsvField(fieldStart, position, Quoted: true));
            }
            else
            {
                var stop = data[position..].IndexOfAny(UnquotedStops);
                if (stop >= 0 && data[position + stop] == (byte)'"')
                {
                    problem = new CsvProblem(currentLine, "stray quote in an unquoted field: put the whole field in quotes and write the quote as two quotes (\"\").");
                    return ScanStatus.Problem;
                }

                if (stop < 0)
                {
                    if (!final)
                    {
                        return ScanStatus.NeedMoreData;
                    }

                    position = data.Length;
                }
                else
                {
                    position += stop;
                }

                fields.Add(new CsvField(fieldStart, position, Quoted: false));
            }

            if (position == data.Length)
            {
                // final is true here: a record cut by the end of the data would have asked for more.
                next = position;
                line = currentLine;
                return ScanStatus.Record;
            }

            var delimiter = data[position];
            position++;
            if (delimiter == (byte)',')
            {
                continue;
            }

            if (delimiter == (byte)'\r')
            {
                if (position == data.Length && !final)
                {
                    return ScanStatus.NeedMoreData;
                }

                if (position < data.Length && data[position] == (byte)'\n')
                {
                    position++;
                    currentLine++;
                }
            }
            else
            {
                currentLine++;
            }

            next = position;
            line = currentLine;
            return ScanStatus.Record;
        }
    }
}

/// <summary>What <see cref="CsvScanner.ScanRecord"/> found.</summary>
internal enum ScanStatus
{
    /// <summary>A whole record.</summary>
    Record,

    /// <summary>The record goes on past the data given; call again with more.</summary>
    NeedMoreData,

    /// <summary>A quote problem.</summary>
    Problem,
}

/// <summary>A field's raw bounds in the scanned data, its quotes included when <paramref name="Quoted"/>.</summary>
internal readonly record struct CsvField(int Start, int End, bool Quoted);

/// <summary>A quote problem and the 1-based line it is on.</summary>
internal readonly record struct CsvProblem(int Line, string Message);
