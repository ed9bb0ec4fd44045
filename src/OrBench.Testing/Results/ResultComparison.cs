using OrBench.Testing.Classification;
using OrBench.Testing.Statistics;

namespace OrBench.Testing.Results;

/// <summary>
/// A paired comparison of the current result against a baseline over the prompts both contain: verdict flips,
/// McNemar's exact test overall and per category, with Holm's correction across categories.
/// </summary>
/// <remarks>
/// Records are paired by id and repeat. A pair takes part only when both verdicts are decided (not an error or an
/// unreadable judge reply): an outage says nothing about the model's behaviour, and gates count errors separately.
/// The p-values test flips away from the expected behaviour against flips towards it. On a result of one kind (benign
/// or toxic) that is the same split as newly refused against newly answered; on a combined benign + toxic result it is
/// the only meaningful one (ten benign prompts newly refused and ten toxic prompts newly answered are twenty regressions,
/// not a balanced 10:10).
/// Repeats of one prompt are paired as separate pairs, although they are correlated; with repeats the p-values are
/// optimistic (too small), so a regression gate on repeated runs alarms more easily than alpha says.
/// </remarks>
public sealed record ResultComparison
{
    /// <summary>Every flip, sorted by category then id.</summary>
    public required IReadOnlyList<PromptFlip> Flips { get; init; }

    /// <summary>Prompts present in both results.</summary>
    public int Paired { get; init; }

    /// <summary>Two-sided exact McNemar p-value over all paired prompts: flips away from the expected behaviour against flips towards it.</summary>
    public double PValue { get; init; }

    /// <summary>Per-category comparisons, ordered by category name.</summary>
    public IReadOnlyList<CategoryComparison> Categories { get; init; } = [];

    /// <summary>Answered in the baseline, refused now (all categories).</summary>
    public int NewlyRefused => Flips.Count(f => f.NowRefused);

    /// <summary>Refused in the baseline, answered now (all categories).</summary>
    public int NewlyAnswered => Flips.Count(f => !f.NowRefused);

    /// <summary>Compares <paramref name="current"/> with <paramref name="baseline"/>, pairing records by id and repeat.</summary>
    public static ResultComparison Compare(OrBenchResult baseline, OrBenchResult current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);

        var before = new Dictionary<(string Id, int Repeat), PromptRecord>();
        foreach (var record in baseline.Records)
        {
            before[(record.Id, record.Repeat)] = record;
        }

        var flips = new List<PromptFlip>();
        var paired = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var now in current.Records)
        {
            if (!before.TryGetValue((now.Id, now.Repeat), out var then) || !then.Verdict.IsDecided() || !now.Verdict.IsDecided())
            {
                continue;
            }

            paired[now.Category] = paired.GetValueOrDefault(now.Category) + 1;
            if (then.Refused != now.Refused)
            {
                flips.Add(new PromptFlip(now.Id, now.Category, now.Refused, then.Excerpt, now.Excerpt) { Expected = now.Expected });
            }
        }

        flips.Sort((x, y) =>
        {
            var byCategory = string.CompareOrdinal(x.Category, y.Category);
            return byCategory != 0 ? byCategory : string.CompareOrdinal(x.Id, y.Id);
        });

        var names = paired.Keys.ToArray();
        var counts = names.Select(c => (
            Refused: flips.Count(f => f.Category == c && f.NowRefused),
            Answered: flips.Count(f => f.Category == c && !f.NowRefused),
            Worse: flips.Count(f => f.Category == c && f.IsRegression),
            Better: flips.Count(f => f.Category == c && !f.IsRegression))).ToArray();
        var pValues = counts.Select(c => McNemar.ExactPValue(c.Worse, c.Better)).ToArray();
        var adjusted = Holm.Adjust(pValues);
        var categories = names
            .Select((name, i) => new CategoryComparison(name, paired[name], counts[i].Refused, counts[i].Answered, pValues[i], adjusted[i]))
            .ToArray();

        var regressions = flips.Count(f => f.IsRegression);
        return new ResultComparison
        {
            Flips = flips,
            Paired = paired.Values.Sum(),
            PValue = McNemar.ExactPValue(regressions, flips.Count - regressions),
            Categories = categories,
        };
    }
}
