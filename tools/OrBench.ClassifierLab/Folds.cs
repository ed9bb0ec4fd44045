namespace OrBench.ClassifierLab;

/// <summary>Deterministic stratified fold assignment (by model and gold label), seeded.</summary>
internal static class Folds
{
    public const int Seed = 20240531;

    public static int[] Assign(IReadOnlyList<XsTestResponse> rows, int folds, int seed = Seed)
    {
        var fold = new int[rows.Count];
        var random = new Random(seed);
        var strata = Enumerable.Range(0, rows.Count)
            .GroupBy(i => (rows[i].Model, rows[i].Gold))
            .OrderBy(g => g.Key.Model, StringComparer.Ordinal).ThenBy(g => g.Key.Gold);
        var next = 0;
        foreach (var stratum in strata)
        {
            var members = stratum.OrderBy(i => rows[i].Id, StringComparer.Ordinal).ToArray();
            random.Shuffle(members);
            foreach (var index in members)
            {
                fold[index] = next++ % folds;
            }
        }

        return fold;
    }
}
