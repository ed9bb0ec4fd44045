namespace OrBench.Testing.Classification.Text;

/// <summary>
/// Allocation-free helpers that bring a response's opening into a canonical form before matching: leading
/// whitespace, markdown decoration and quotes are skipped, and typographic apostrophes become <c>'</c>.
/// The reference OR-Bench checks miss refusals such as <c>**I’m sorry**</c> because they skip none of this.
/// </summary>
internal static class ResponseText
{
    /// <summary>How many characters of the opening are normalised for opener checks.</summary>
    public const int OpeningLength = 160;

    /// <summary>Skips leading whitespace, markdown decoration (<c>#</c>, <c>*</c>, <c>_</c>, <c>&gt;</c>, <c>`</c>, <c>-</c>) and quotes.</summary>
    public static ReadOnlySpan<char> SkipDecoration(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length && IsDecoration(text[i]))
        {
            i++;
        }

        return text[i..];
    }

    /// <summary>True for characters that may precede the first word without changing its meaning.</summary>
    public static bool IsDecoration(char c) =>
        char.IsWhiteSpace(c) || c is '#' or '*' or '_' or '>' or '`' or '-' or '"' or '\'' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\u00AB' or '\u00BB' or '~' or '\uFEFF';

    /// <summary>Maps typographic apostrophes and quotes to ASCII; other characters unchanged.</summary>
    public static char NormalizeApostrophe(char c) => c switch
    {
        '\u2019' or '\u2018' or '\u02BC' or '\u2032' or '`' => '\'',
        '\u201C' or '\u201D' => '"',
        _ => c,
    };

    /// <summary>
    /// Writes the decoration-stripped opening of <paramref name="text"/> into <paramref name="destination"/> with
    /// apostrophes normalised, inner markdown emphasis removed and runs of whitespace collapsed to one space;
    /// returns the number of characters written.
    /// </summary>
    public static int NormalizeOpening(ReadOnlySpan<char> text, Span<char> destination)
    {
        var source = SkipDecoration(text);
        var written = 0;
        var lastWasSpace = false;
        for (var i = 0; i < source.Length && written < destination.Length; i++)
        {
            var c = source[i];
            if (c is '*' or '_')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (lastWasSpace)
                {
                    continue;
                }

                destination[written++] = ' ';
                lastWasSpace = true;
                continue;
            }

            lastWasSpace = false;
            destination[written++] = NormalizeApostrophe(c);
        }

        return written;
    }

    /// <summary>Returns <paramref name="phrase"/> and, when it contains an ASCII apostrophe, its typographic twin, so a substring search matches both spellings without normalising the text.</summary>
    public static IEnumerable<string> WithApostropheVariants(string phrase)
    {
        var ascii = phrase.Replace('\u2019', '\'');
        yield return ascii;
        if (ascii.Contains('\'', StringComparison.Ordinal))
        {
            yield return ascii.Replace('\'', '\u2019');
        }
    }
}
