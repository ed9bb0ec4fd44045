using System.Globalization;
using OrBench.Testing.Data;
using OrBench.Testing.Results;

namespace OrBench.Testing.Reporting;

/// <summary>
/// Decides the warning banners of a report, so nobody mistakes a sample or a stand-in for the full benchmark: metadata
/// that names a stand-in, fewer prompts than the published file holds, a file whose hash is not the published one, and
/// categories outside the paper's ten. A report says "all 1,319 prompts" only when the result's row count and hash say so.
/// </summary>
internal static class DataCoverage
{
    /// <summary>
    /// Result metadata key: the number of rows of the data file the prompts were read from, before categories, sample or
    /// shard were applied (invariant integer): <see cref="PromptSetSource.RowCount"/>.
    /// </summary>
    public const string RowCountKey = DataFileFacts.RowCountKey;

    /// <summary>Result metadata key: the lower-case hex SHA-256 of the data file's bytes: <see cref="PromptSetSource.Sha256"/>.</summary>
    public const string Sha256Key = DataFileFacts.Sha256Key;

    /// <summary>
    /// Result metadata key: <c>true</c> when <see cref="Sha256Key"/> is the hash of the file the benchmark's authors
    /// published: <see cref="PromptSetSource.IsPublishedFile"/>. Without it a report never calls a set complete or "published".
    /// </summary>
    public const string PublishedFileKey = DataFileFacts.PublishedFileKey;

    /// <summary>
    /// Warnings for the results of one model (before merging, so each part's subset is known). A metadata key containing
    /// <c>stand-in</c>, <c>standin</c> or <c>stand_in</c> (any case) is quoted as a stand-in notice.
    /// </summary>
    public static IReadOnlyList<string> Warnings(IEnumerable<OrBenchResult> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var list = parts.ToList();
        var warnings = new List<string>();
        foreach (var (key, value) in list.SelectMany(p => p.Metadata).Where(m => IsStandInKey(m.Key)).Distinct().OrderBy(m => m.Key, StringComparer.Ordinal).ThenBy(m => m.Value, StringComparer.Ordinal))
        {
            warnings.Add($"Stand-in — {key}: {value}");
        }

        foreach (var group in list.GroupBy(p => p.Subset).OrderBy(g => g.Key))
        {
            warnings.AddRange(Warnings(DataProvenance.Of(group.Key, group.ToList())));
            if (group.Key is not (OrBenchSubset.Hard1K or OrBenchSubset.Toxic or OrBenchSubset.Full80K))
            {
                continue; // XSTest has its own types as categories; a custom set has whatever it has.
            }

            var foreign = group.SelectMany(p => p.Records).Select(r => r.Category).Distinct(StringComparer.Ordinal)
                .Where(c => !string.IsNullOrWhiteSpace(c) && !new OrBenchCategory(c).IsWellKnown).Order(StringComparer.Ordinal).ToList();
            if (foreign.Count > 0)
            {
                warnings.Add($"Not OR-Bench data — {SubsetName(group.Key)} records use categories outside the paper's ten ({string.Join(", ", foreign)}): a stand-in or custom set, not comparable with the paper's figures.");
            }
        }

        return warnings;
    }

    /// <summary>The display name of a subset.</summary>
    public static string SubsetName(OrBenchSubset subset) => subset switch
    {
        OrBenchSubset.Hard1K => "OR-Bench-Hard-1K",
        OrBenchSubset.Toxic => "OR-Bench-Toxic",
        OrBenchSubset.Full80K => "OR-Bench-80K",
        OrBenchSubset.XSTestSafe => "XSTest safe",
        OrBenchSubset.XSTestUnsafe => "XSTest unsafe",
        _ => "custom prompt set",
    };

    internal static IEnumerable<string> Warnings(DataProvenance data)
    {
        var name = SubsetName(data.Subset);
        if (data.Conflicts.Count > 0)
        {
            yield return $"Mixed data — {name}: the merged parts record different {string.Join(" and ", data.Conflicts)}; they did not all read the same file.";
        }

        if (data.Published is not { } published || data.IsWholePublishedSet)
        {
            yield break;
        }

        var share = string.Create(CultureInfo.InvariantCulture, $"({Math.Round(100.0 * data.Prompts / published):0}%)");
        if (data.PublishedFile && data.FileRows == published)
        {
            yield return $"Not the full benchmark — {name}: {data.Coverage} {share}. Rates are estimates; read them with their intervals.";
        }
        else if (data.FileRows is not null || data.Sha256 is not null)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"Not verified as the published file — {name}: {data.Coverage}; the file ({data.FileFacts}) is not recorded as the published {published:N0}-prompt file, so this is not the full benchmark as published.");
        }
        else
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"Not shown as the full benchmark — {name}: {data.Coverage}; the result records no data file row count or SHA-256, so they cannot be counted against the {published:N0} published prompts.");
        }
    }

    private static bool IsStandInKey(string key) =>
        key.Contains("stand-in", StringComparison.OrdinalIgnoreCase)
        || key.Contains("standin", StringComparison.OrdinalIgnoreCase)
        || key.Contains("stand_in", StringComparison.OrdinalIgnoreCase);
}
