namespace OrBench.Testing.IO;

/// <summary>
/// OWASP's rule against CSV injection: a cell that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
/// carriage return is read as a formula by spreadsheets (<c>=HYPERLINK(…)</c>, <c>+cmd|…</c>), so it is written with
/// a leading single quote, which spreadsheets show as text. Model output is untrusted, and every CSV the tool writes
/// applies this unless the user opts out (<c>--raw-csv</c>). The quote is added before the usual CSV escaping.
/// </summary>
internal static class CsvCells
{
    /// <summary>The character put in front of a cell that would otherwise start a formula.</summary>
    public const char Prefix = '\'';

    /// <summary>True when <paramref name="cell"/> begins with a character a spreadsheet takes as the start of a formula.</summary>
    public static bool NeedsNeutralizing(ReadOnlySpan<char> cell) => !cell.IsEmpty && IsTrigger(cell[0]);

    /// <summary>True when the UTF-8 <paramref name="cell"/> begins with such a character (all of them are ASCII).</summary>
    public static bool NeedsNeutralizing(ReadOnlySpan<byte> cell) => !cell.IsEmpty && IsTrigger((char)cell[0]);

    /// <summary><paramref name="cell"/> with <see cref="Prefix"/> in front when it needs it, otherwise unchanged.</summary>
    public static string Neutralize(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return NeedsNeutralizing(cell) ? Prefix + cell : cell;
    }

    private static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';
}
