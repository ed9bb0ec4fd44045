using System.Globalization;
using OrBench.Testing.Data;
using OrBench.Testing.Results;

namespace OrBench.Testing.Reporting;

/// <summary>
/// What a report knows about the data file behind one subset of a model's results: how many of its prompts were scored,
/// and, when the result carries them (<see cref="DataCoverage.RowCountKey"/>, <see cref="DataCoverage.Sha256Key"/>,
/// <see cref="DataCoverage.PublishedFileKey"/>), the file's row count, SHA-256 and whether that hash is the published file's.
/// </summary>
/// <param name="Subset">The subset the records belong to.</param>
/// <param name="Prompts">Distinct prompts of the subset's side (benign or toxic) in the results.</param>
/// <param name="FileRows">Rows of the file read, before categories, sample or shard were applied; null when not recorded.</param>
/// <param name="Sha256">SHA-256 of the file's bytes; null when not recorded.</param>
/// <param name="PublishedFile">True when the result says the hash is that of the file the benchmark's authors published.</param>
/// <param name="Conflicts">Facts the parts disagree on (e.g. two shards that read different files), by key.</param>
internal sealed record DataProvenance(OrBenchSubset Subset, int Prompts, int? FileRows, string? Sha256, bool PublishedFile, IReadOnlyList<string> Conflicts)
{
    /// <summary>The published prompt count of the subset, or null for custom sets.</summary>
    public int? Published => OrBenchFiles.PublishedPromptCount(Subset);

    /// <summary>
    /// True only when the row count and the hash say so: the file is the published one (by hash), holds the published
    /// number of rows, and every row was scored.
    /// </summary>
    public bool IsWholePublishedSet => PublishedFile && Published is { } published && FileRows == published && Prompts == published;

    /// <summary>"1,319 rows, SHA-256 3e81…" (full hash), or null when neither was recorded.</summary>
    public string? FileFacts => (FileRows, Sha256) switch
    {
        (null, null) => null,
        ({ } rows, null) => $"{N(rows)} rows, SHA-256 not recorded",
        (null, { } sha) => $"row count not recorded, SHA-256 {sha}",
        ({ } rows, { } sha) => $"{N(rows)} rows, SHA-256 {sha}",
    };

    /// <summary>One line on what was scored: "all 1,319 prompts", "150 of the 1,319 published prompts", "150 of the file's 200 rows".</summary>
    public string Coverage => this switch
    {
        { IsWholePublishedSet: true } => $"all {N(Prompts)} prompts",
        { PublishedFile: true, Published: { } published } when FileRows == published => $"{N(Prompts)} of the {N(published)} published prompts",
        { FileRows: { } rows } => $"{N(Prompts)} of the file's {N(rows)} rows",
        _ => $"{N(Prompts)} prompts",
    };

    /// <summary>Reads the facts of the parts of one subset (shards agree on them; a disagreement is a conflict, not a pick).</summary>
    public static DataProvenance Of(OrBenchSubset subset, IReadOnlyList<OrBenchResult> parts)
    {
        var expected = OrBenchPrompt.DefaultExpectation(subset);
        var prompts = parts.SelectMany(p => p.Records).Where(r => r.Expected == expected).Select(r => r.Id).Distinct(StringComparer.Ordinal).Count();
        var conflicts = new List<string>();
        var rows = Agreed(DataCoverage.RowCountKey) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        var sha = Agreed(DataCoverage.Sha256Key);
        var published = Agreed(DataCoverage.PublishedFileKey) == "true";
        return new DataProvenance(subset, prompts, rows, sha, published && sha is not null, conflicts);

        string? Agreed(string key)
        {
            var values = parts.Select(p => p.Metadata.GetValueOrDefault(key)).Distinct(StringComparer.Ordinal).ToList();
            if (values.Count == 1)
            {
                return values[0];
            }

            conflicts.Add(key);
            return null;
        }
    }

    private static string N(int value) => ReportFormat.Number(value);
}
