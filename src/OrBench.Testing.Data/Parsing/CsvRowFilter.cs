namespace OrBench.Testing.Data;

/// <summary>Keeps the rows whose <see cref="Column"/> is <see cref="Keep"/>; <see cref="Skip"/> is the one other value allowed.</summary>
internal sealed record CsvRowFilter(string Column, string Keep, string Skip)
{
    /// <summary>True to keep the row; throws for a value that is neither, since a typo would drop a prompt without a word.</summary>
    public bool Keeps(string value, string filePath, int line)
    {
        if (string.Equals(value, Keep, StringComparison.Ordinal))
        {
            return true;
        }

        if (string.Equals(value, Skip, StringComparison.Ordinal))
        {
            return false;
        }

        throw new PromptFileFormatException(filePath, line, Column, PromptFileProblem.InvalidText, $"'{value}' is neither '{Keep}' nor '{Skip}'.");
    }
}
