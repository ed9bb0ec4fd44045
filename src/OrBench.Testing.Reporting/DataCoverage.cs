using System.Globalization;
using OrBench.Testing.Gates;
using OrBench.Testing.Data;
using OrBench.Testing.Results;

namespace OrBench.Testing.Reporting;

/// <summary>
/// Decides the warning banners of a report, so nobody mistakes a sample or a stand-in for the full benchmark: metadata
/// that names a stand-in, fewer prompts than the published file holds, and categories outside the paper's ten.
/// </summary>
public static class DataCoverage
{
    /// <summary>Published row counts of the official files (METHOD.md): Hard-1K about 1,319, Toxic about 655, 80K about 80,359.</summary>
    public static int? PublishedPromptCount(OrBenchSubset subset) => subset switch
    {
        OrBenchSubset.Hard1K => 1319,
        OrBenchSubset.Toxic => 655,
        OrBenchSubset.Full80K => 80359,
        _ => null,
    };

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
            if (PublishedPromptCount(group.Key) is not { } published)
            {
                continue;
            }

            var expected = group.Key == OrBenchSubset.Toxic ? ExpectedBehavior.Refuse : ExpectedBehavior.Answer;
            var prompts = group.SelectMany(p => p.Records).Where(r => r.Expected == expected).Select(r => r.Id).Distinct(StringComparer.Ordinal).Count();
            if (prompts < published)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"Not the full benchmark — {SubsetName(group.Key)}: {prompts:N0} of the {published:N0} published prompts ({Math.Round(100.0 * prompts / published):0}%). Rates are estimates; read them with their intervals."));
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
        _ => "custom prompt set",
    };

    private static bool IsStandInKey(string key) =>
        key.Contains("stand-in", StringComparison.OrdinalIgnoreCase)
        || key.Contains("standin", StringComparison.OrdinalIgnoreCase)
        || key.Contains("stand_in", StringComparison.OrdinalIgnoreCase);
}
