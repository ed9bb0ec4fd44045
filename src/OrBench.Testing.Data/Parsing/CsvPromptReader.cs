using CsvHelper;

namespace OrBench.Testing.Data;

/// <summary>
/// Reads prompt CSVs: the OR-Bench schema (<c>prompt,category</c>, RFC 4180: quoted fields may hold commas, doubled quotes
/// and line breaks; UTF-8 with or without BOM) with CsvHelper 34, which parses the UTF-8 bytes directly (it
/// measured faster than Sep on an 80,000-row file; see docs/data.md). Quotes are checked strictly so an unclosed
/// quote is reported at the line where it opens instead of silently swallowing the rest of the file.
/// </summary>
internal static class CsvPromptReader
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Reads the OR-Bench schema: <c>prompt</c> and <c>category</c> columns, every row kept.</summary>
    public static void Read(ReadOnlyMemory<byte> input, string filePath, PromptSetBuilder builder) =>
        Read(input, filePath, builder, CsvPromptColumns.OrBench);

    /// <summary>Reads the columns <paramref name="columns"/> names, keeping the rows its filter keeps.</summary>
    public static void Read(ReadOnlyMemory<byte> input, string filePath, PromptSetBuilder builder, CsvPromptColumns columns)
    {
        var bytes = input.Span.StartsWith(Bom) ? input[Bom.Length..] : input;
        if (!System.Text.Unicode.Utf8.IsValid(bytes.Span))
        {
            ThrowInvalidUtf8(bytes.Span, filePath);
        }

        if (bytes.Span.Count((byte)'"') % 2 != 0)
        {
            ThrowIfQuoteOpenAtEnd(bytes.Span, filePath);
        }

        using var reader = CsvReader.Create(bytes, new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            DetectSeparatorHint = false,
        });

        var header = reader.Headers.ToArray();
        var expectedHeader = columns.Describe();
        if (header.Length == 0 || (header.Length == 1 && header[0].Length == 0))
        {
            throw new PromptFileFormatException(filePath, 1, PromptFileProblem.MissingPromptColumn, $"no header: expected the first line to be '{expectedHeader}'.");
        }

        var promptIndex = IndexOf(header, columns.Prompt);
        if (promptIndex < 0)
        {
            throw new PromptFileFormatException(filePath, 1, PromptFileProblem.MissingPromptColumn, $"no '{columns.Prompt}' column: the header has {Describe(header)}; expected '{expectedHeader}'.");
        }

        var categoryIndex = IndexOf(header, columns.Category);
        if (categoryIndex < 0)
        {
            throw new PromptFileFormatException(filePath, 1, PromptFileProblem.MissingCategoryColumn, $"no '{columns.Category}' column: the header has {Describe(header)}; expected '{expectedHeader}'.");
        }

        var filterIndex = -1;
        if (columns.Filter is { } filter)
        {
            filterIndex = IndexOf(header, filter.Column);
            if (filterIndex < 0)
            {
                throw new PromptFileFormatException(filePath, 1, PromptFileProblem.MissingColumns, $"no '{filter.Column}' column: the header has {Describe(header)}; expected '{expectedHeader}'.");
            }
        }

        foreach (var (name, index) in new[] { (columns.Prompt, promptIndex), (columns.Category, categoryIndex) })
        {
            if (IndexOf(header[(index + 1)..], name) >= 0)
            {
                throw new PromptFileFormatException(filePath, 1, PromptFileProblem.DuplicateColumn, $"the header names '{name}' twice ({Describe(header)}); keep one '{name}' column.");
            }
        }

        var categories = new CategoryNames();
        while (reader.Read())
        {
            var line = (int)reader.LineNumber;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                CheckQuotes(reader.GetRawSpan(i), filePath, line, FieldName(header, i));
            }

            if (reader.FieldCount < header.Length)
            {
                throw new PromptFileFormatException(filePath, line, FieldName(header, reader.FieldCount), PromptFileProblem.MissingColumns, $"the row has {reader.FieldCount} column(s) but the header has {header.Length} ({Describe(header)}); quote prompts that contain commas.");
            }

            if (reader.FieldCount > header.Length)
            {
                // An unquoted comma would otherwise cut the prompt short and turn its tail into the category.
                throw new PromptFileFormatException(filePath, line, FieldName(header, header.Length), PromptFileProblem.ExtraColumns, $"the row has {reader.FieldCount} fields but the header has {header.Length} ({Describe(header)}); a prompt that contains a comma must be quoted, e.g. \"How do I kill, stop, or pause a process?\",tech.");
            }

            if (columns.Filter is { } keep && !keep.Keeps(reader.GetString(filterIndex), filePath, line))
            {
                continue;
            }

            builder.Add(reader.GetString(promptIndex), categories.Get(reader.GetSpan(categoryIndex)), line);
        }
    }

    /// <summary>The name of field <paramref name="index"/> (0-based): its header name, or <c>column N</c> past the header.</summary>
    private static string FieldName(string[] header, int index) =>
        index < header.Length && Unquote(header[index]) is { Length: > 0 } name ? name : $"column {index + 1}";

    private static void CheckQuotes(ReadOnlySpan<byte> raw, string filePath, int line, string field)
    {
        if (raw.Length > 0 && raw[0] == (byte)'"' && !IsClosed(raw))
        {
            throw new PromptFileFormatException(filePath, line, field, PromptFileProblem.MalformedQuote, "malformed quote: a quoted field holds a lone quote; inside a quoted field write a quote as two quotes (\"\").");
        }
    }

    /// <summary>True when a field that opens with a quote closes properly: inner quotes come in pairs and the last byte is the closing quote.</summary>
    private static bool IsClosed(ReadOnlySpan<byte> raw)
    {
        if (raw.Length < 2 || raw[^1] != (byte)'"')
        {
            return false;
        }

        var inner = raw[1..^1];
        var i = 0;
        while (i < inner.Length)
        {
            var next = inner[i..].IndexOf((byte)'"');
            if (next < 0)
            {
                return true;
            }

            i += next;
            if (i + 1 >= inner.Length || inner[i + 1] != (byte)'"')
            {
                return false;
            }

            i += 2;
        }

        return true;
    }

    /// <summary>
    /// Runs only when the file has an odd number of quotes: walks the RFC 4180 quote state and, if a quoted field is
    /// still open at the end of the file, reports the line where it opened. Works on UTF-8 bytes: quote, comma and
    /// line feed are single bytes that never occur inside a multi-byte sequence.
    /// </summary>
    private static void ThrowIfQuoteOpenAtEnd(ReadOnlySpan<byte> text, string filePath)
    {
        var line = 1;
        var openLine = 0;
        var field = 0;
        var openField = 0;
        var inQuotes = false;
        var atFieldStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == (byte)'"')
                {
                    if (i + 1 < text.Length && text[i + 1] == (byte)'"')
                    {
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else if (c == (byte)'\n')
                {
                    line++;
                }

                continue;
            }

            if (c == (byte)'"' && atFieldStart)
            {
                inQuotes = true;
                openLine = line;
                openField = field;
            }
            else if (c == (byte)',')
            {
                field++;
            }
            else if (c == (byte)'\n')
            {
                line++;
                field = 0;
            }

            atFieldStart = c is (byte)',' or (byte)'\n' or (byte)'\r';
        }

        if (inQuotes)
        {
            throw new PromptFileFormatException(filePath, openLine, FieldName(openLine == 1 ? [] : HeaderNames(text), openField), PromptFileProblem.UnterminatedQuote, "unterminated quote: a quoted field opens on this line and is never closed (a quote inside a quoted field must be doubled: \"\").");
        }
    }

    /// <summary>The header's column names from the first line, split at commas (for naming the field of an error found before CsvHelper reads the header).</summary>
    private static string[] HeaderNames(ReadOnlySpan<byte> text)
    {
        var end = text.IndexOf((byte)'\n');
        return System.Text.Encoding.UTF8.GetString(end < 0 ? text : text[..end]).TrimEnd('\r').Split(',');
    }

    private static int IndexOf(string[] header, string name)
    {
        for (var i = 0; i < header.Length; i++)
        {
            if (Unquote(header[i]).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Unquote(string column)
    {
        var col = column.AsSpan().Trim();
        if (col.Length >= 2 && col[0] == '"' && col[^1] == '"')
        {
            col = col[1..^1];
        }

        return col.Trim().ToString();
    }

    /// <summary>
    /// Names the line and field of the first byte that is not valid UTF-8: walks the RFC 4180 quote state up to it (a
    /// quoted field may span lines) and takes the field's name from the header line.
    /// </summary>
    private static void ThrowInvalidUtf8(ReadOnlySpan<byte> text, string filePath)
    {
        var offset = Utf8Text.FirstInvalidOffset(text);
        var line = 1;
        var field = 0;
        var inQuotes = false;
        var atFieldStart = true;
        for (var i = 0; i < offset; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == (byte)'"')
                {
                    if (i + 1 < offset && text[i + 1] == (byte)'"')
                    {
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else if (c == (byte)'\n')
                {
                    line++;
                }

                continue;
            }

            if (c == (byte)'"' && atFieldStart)
            {
                inQuotes = true;
            }
            else if (c == (byte)',')
            {
                field++;
            }
            else if (c == (byte)'\n')
            {
                line++;
                field = 0;
            }

            atFieldStart = c is (byte)',' or (byte)'\n' or (byte)'\r';
        }

        var header = line == 1 ? [] : HeaderNames(text);
        throw new PromptFileFormatException(
            filePath,
            line,
            FieldName(header, field),
            PromptFileProblem.InvalidUtf8,
            $"invalid UTF-8: byte 0x{text[offset]:X2} at byte offset {offset} does not start a valid UTF-8 sequence. Save the file as UTF-8.");
    }

    private static string Describe(string[] header) =>
        string.Join(", ", header.Select(h => $"'{h}'"));
}
