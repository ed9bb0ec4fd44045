namespace OrBench.Testing.Data;

/// <summary>
/// Which CSV columns hold the prompt and its category, and which rows to keep: the OR-Bench schema keeps every row of
/// <c>prompt,category</c>; XSTest's file holds both of its sets, told apart by its <c>label</c> column.
/// </summary>
internal sealed record CsvPromptColumns(string Prompt, string Category, CsvRowFilter? Filter = null)
{
    public static CsvPromptColumns OrBench { get; } = new("prompt", "category");

    /// <summary>The header the columns make, for error messages.</summary>
    public string Describe() =>
        Filter is { } filter ? $"{Prompt},{Category},{filter.Column}" : $"{Prompt},{Category}";
}
