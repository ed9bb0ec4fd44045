namespace OrBench.Testing.Classification.Csv;

/// <summary>
/// Strict RFC 4180 quote checks for response CSVs. Sep is lenient: an unclosed quote swallows the rest of the file into
/// one field, and a stray quote is dropped or starts a quoted run mid-field, so a broken file would be classified
/// (wrongly) instead of rejected. One pass over the text finds the line of the first such problem.
/// </summary>
internal static class CsvQuotes
{
    /// <summary>The line (1-based) and description of the first quote problem in <paramref name="text"/>, or null when there is none.</summary>
    public static (int Line, string Problem)? FindProblem(string text)
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
                        continue;
                    }

                    inQuotes = false;
                    atFieldStart = false;
                    if (i + 1 < text.Length && text[i + 1] is not (',' or '\r' or '\n'))
                    {
                        var opened = openLine == line ? string.Empty : $" (the field opened on line {openLine})";
                        return (line, $"malformed quote{opened}: a quoted field holds a lone quote; inside a quoted field write a quote as two quotes (\"\").");
                    }
                }
                else if (c == '\n')
                {
                    line++;
                }

                continue;
            }

            if (c == '"')
            {
                if (!atFieldStart)
                {
                    return (line, "stray quote in an unquoted field: put the whole field in quotes and write the quote as two quotes (\"\").");
                }

                inQuotes = true;
                openLine = line;
                continue;
            }

            atFieldStart = c is ',' or '\n' or '\r';
            if (c == '\n')
            {
                line++;
            }
        }

        return inQuotes
            ? (openLine, "unterminated quote: a quoted field opens on this line and is never closed (a quote inside a quoted field must be doubled: \"\").")
            : null;
    }
}
