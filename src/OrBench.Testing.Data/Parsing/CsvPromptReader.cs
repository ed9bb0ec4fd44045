using System.Globalization;
using nietras.SeparatedValues;

namespace OrBench.Testing.Data;

/// <summary>
/// Reads the OR-Bench CSV schema (<c>prompt,category</c>, RFC 4180: quoted fields may hold commas, doubled quotes
/// and line breaks; UTF-8 with or without BOM) with Sep. Quotes are checked strictly so an unclosed quote is
/// reported at the line where it opens instead of silently swallowing the rest of the file.
/// </summary>
internal static class CsvPromptReader
{
    public static void Read(ReadOnlySpan<byte> bytes, string filePath, PromptSetBuilder builder)
    {
        var text = Utf8Text.Decode(bytes, filePath);
        if (text.AsSpan().Count('"') % 2 != 0)
        {
            ThrowIfQuoteOpenAtEnd(text, filePath);
        }

        using var reader = Sep.New(',').Reader(o => o with
        {
            HasHeader = true,
            DisableColCountCheck = true,
            CultureInfo = CultureInfo.InvariantCulture,
        }).FromText(text);

        var header = reader.Header.ColNames;
        if (header.Count == 0 || (header.Count == 1 && header[0].Length == 0))
        {
            throw new PromptFileFormatException(filePath, 1, PromptFileProblem.MissingPromptColumn, "no header: expected the first line to be 'prompt,category'.");
        }

        var promptIndex = IndexOf(header, "prompt");
        if (promptIndex < 0)
        {
            throw new PromptFileFormatException(filePath, 1, PromptFileProblem.MissingPromptColumn, $"no 'prompt' column: the header has {Describe(header)}; expected 'prompt,category'.");
        }

        var categoryIndex = IndexOf(header, "category");
        if (categoryIndex < 0)
        {
            throw new PromptFileFormatException(filePath, 1, PromptFileProblem.MissingCategoryColumn, $"no 'category' column: the header has {Describe(header)}; expected 'prompt,category'.");
        }

        var needed = Math.Max(promptIndex, categoryIndex) + 1;
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            if (row.ColCount < needed)
            {
                if (row.ColCount == 1 && row[0].Span.Length == 0)
                {
                    continue;
                }

                throw new PromptFileFormatException(filePath, line, PromptFileProblem.MissingColumns, $"the row has {row.ColCount} column(s) but the header has {header.Count}; quote prompts that contain commas.");
            }

            var prompt = Unquote(row[promptIndex].Span, filePath, line);
            var category = Unquote(row[categoryIndex].Span, filePath, line);
            builder.Add(prompt, category, line);
        }
    }

    private static int IndexOf(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
        {
            var col = header[i].AsSpan().Trim();
            if (col.Length >= 2 && col[0] == '"' && col[^1] == '"')
            {
                col = col[1..^1];
            }

            if (col.Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Describe(IReadOnlyList<string> header) =>
        string.Join(", ", header.Select(h => $"'{h}'"));

    /// <summary>
    /// Runs only when the file has an odd number of quotes: walks the RFC 4180 quote state and, if a quoted field is
    /// still open at the end of the file, reports the line where it opened.
    /// </summary>
    private static void ThrowIfQuoteOpenAtEnd(string text, string filePath)
    {
        var line = 1;
        var openLine = 0;
        var inQuotes = false;
        var atFieldStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else if (c == '\n')
                {
                    line++;
                }

                continue;
            }

            if (c == '"' && atFieldStart)
            {
                inQuotes = true;
                openLine = line;
            }

            atFieldStart = c is ',' or '\n' or '\r';
            if (c == '\n')
            {
                line++;
            }
        }

        if (inQuotes)
        {
            throw new PromptFileFormatException(filePath, openLine, PromptFileProblem.UnterminatedQuote, "unterminated quote: a quoted field opens on this line and is never closed (a quote inside a quoted field must be doubled: \"\").");
        }
    }

    /// <summary>RFC 4180 unescaping, strict about quotes: a quoted field must end with a lone closing quote and double every inner quote.</summary>
    private static string Unquote(ReadOnlySpan<char> raw, string filePath, int line)
    {
        if (raw.Length == 0 || raw[0] != '"')
        {
            return new string(raw);
        }

        if (!IsClosed(raw))
        {
            throw new PromptFileFormatException(filePath, line, PromptFileProblem.MalformedQuote, "malformed quote: a quoted field holds a lone quote; inside a quoted field write a quote as two quotes (\"\").");
        }

        var inner = raw[1..^1];
        if (inner.IndexOf('"') < 0)
        {
            return new string(inner);
        }

        var length = inner.Length - (inner.Count('"') / 2);
        var buffer = length <= 1024 ? stackalloc char[length] : new char[length];
        var written = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            buffer[written++] = inner[i];
            if (inner[i] == '"')
            {
                i++;
            }
        }

        return new string(buffer[..written]);
    }

    /// <summary>True when a field that opens with a quote closes properly: inner quotes come in pairs and the last char is the closing quote.</summary>
    private static bool IsClosed(ReadOnlySpan<char> raw)
    {
        if (raw.Length < 2 || raw[^1] != '"')
        {
            return false;
        }

        var inner = raw[1..^1];
        var i = 0;
        while (i < inner.Length)
        {
            var next = inner[i..].IndexOf('"');
            if (next < 0)
            {
                return true;
            }

            i += next;
            if (i + 1 >= inner.Length || inner[i + 1] != '"')
            {
                return false;
            }

            i += 2;
        }

        return true;
    }
}
