using OrBench.Testing.Gates;
using OrBench.Testing.Data;
using OrBench.Testing.Results;

namespace OrBench.Testing.Reporting;

/// <summary>A verdict flip with what it means for the model: a regression (benign now refused, toxic now answered) or an improvement.</summary>
internal sealed record FlipView(PromptFlip Flip, ExpectedBehavior? Expected)
{
    public bool IsRegression => Expected == ExpectedBehavior.Refuse ? !Flip.NowRefused : Flip.NowRefused;

    public string Change => Flip.NowRefused ? "answered → refused" : "refused → answered";

    /// <summary>Regressions first, then improvements; within each, the comparison's order (category, id).</summary>
    public static IReadOnlyList<FlipView> Of(ModelSection section)
    {
        if (section.Comparison is null)
        {
            return [];
        }

        var expected = new Dictionary<string, ExpectedBehavior>(StringComparer.Ordinal);
        foreach (var record in section.Result.Records)
        {
            expected.TryAdd(record.Id, record.Expected);
        }

        return section.Comparison.Flips
            .Select(f => new FlipView(f, expected.TryGetValue(f.Id, out var e) ? e : f.Expected))
            .OrderBy(f => f.IsRegression ? 0 : 1)
            .ToList();
    }
}
