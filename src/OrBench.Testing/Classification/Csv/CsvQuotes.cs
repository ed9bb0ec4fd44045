using System.Text;

namespace OrBench.Testing.Classification.Csv;

/// <summary>
/// Strict RFC 4180 quote checks of CSV text already in memory (a responses file read for <c>orbench run --responses</c>),
/// by the same scanner that streams <c>orbench classify</c>'s input (<see cref="CsvScanner"/>), so there is one set of
/// quote rules. Sep is lenient: an unclosed quote swallows the rest of the file into one field, and a stray quote is
/// dropped or starts a quoted run mid-field, so a broken file would be classified (wrongly) instead of rejected.
/// </summary>
internal static class CsvQuotes
{
    /// <summary>The line (1-based) and description of the first quote problem in <paramref name="text"/>, or null when there is none.</summary>
    public static (int Line, string Problem)? FindProblem(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var data = Encoding.UTF8.GetBytes(text);
        var fields = new List<CsvField>();
        var line = 1;
        var position = 0;
        while (position < data.Length)
        {
            if (CsvScanner.ScanRecord(data, position, final: true, ref line, fields, out position, out var problem) == ScanStatus.Problem)
            {
                return (problem.Line, problem.Message);
            }
        }

        return null;
    }
}
