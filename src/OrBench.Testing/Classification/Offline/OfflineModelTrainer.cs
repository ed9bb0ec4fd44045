namespace OrBench.Testing.Classification.Offline;

/// <summary>
/// Trains an <see cref="OfflineModel"/>: two L2-regularised logistic regressions (refusal vs answer on every
/// example; indirect vs direct on the refusals whose kind is known) fitted by full-batch L-BFGS. No randomness
/// and a fixed summation order, so the same examples and options give the same weights bit for bit on the same
/// runtime.
/// </summary>
internal static class OfflineModelTrainer
{
    /// <summary>Featurises and trains in one go.</summary>
    public static OfflineModel Train(IReadOnlyList<OfflineTrainingExample> examples, OfflineTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        return Train(examples, Featurize(examples, options.BucketBits), options);
    }

    /// <summary>The sparse features of each example, for reuse across several trainings on subsets.</summary>
    public static SparseRow[] Featurize(IReadOnlyList<OfflineTrainingExample> examples, int bucketBits)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var rows = new SparseRow[examples.Count];
        var sink = new CollectingSink(new List<(int, float)>(8192));
        for (var i = 0; i < examples.Count; i++)
        {
            sink.Pairs.Clear();
            OfflineFeaturizer.Extract(examples[i].Prompt, examples[i].Text, bucketBits, ref sink);
            rows[i] = SparseRow.From(sink.Pairs);
        }

        return rows;
    }

    /// <summary>Trains on already featurised examples (<paramref name="rows"/>[i] belongs to <paramref name="examples"/>[i]).</summary>
    public static OfflineModel Train(IReadOnlyList<OfflineTrainingExample> examples, IReadOnlyList<SparseRow> rows, OfflineTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        if (examples.Count == 0 || examples.Count != rows.Count)
        {
            throw new ArgumentException($"Need as many feature rows as examples (examples {examples.Count}, rows {rows.Count}), and at least one.", nameof(rows));
        }

        var featureCount = OfflineFeaturizer.FeatureCount(options.BucketBits);
        var bias = 1 << options.BucketBits;

        var refusalWeights = Balance(examples, e => e.Refusal, _ => true, options);
        var refusal = LogisticRegression.Fit(rows, [.. examples.Select(e => e.Refusal)], refusalWeights, featureCount, bias, options.L2, options.Iterations);

        var indirectWeights = Balance(examples, e => e.Indirect == true, e => e.Refusal && e.Indirect is not null, options);
        var indirect = LogisticRegression.Fit(rows, [.. examples.Select(e => e.Indirect == true)], indirectWeights, featureCount, bias, options.L2, options.Iterations);

        var weights = new double[featureCount * OfflineModel.Heads];
        for (var f = 0; f < featureCount; f++)
        {
            weights[f * OfflineModel.Heads] = refusal[f];
            weights[(f * OfflineModel.Heads) + 1] = indirect[f];
        }

        return new OfflineModel(options.BucketBits, OfflineModel.RoundToStoredPrecision(weights));
    }

    /// <summary>Per-example weights: each source gets its share, split equally between the two classes of the head; examples outside the head get 0.</summary>
    private static double[] Balance(IReadOnlyList<OfflineTrainingExample> examples, Func<OfflineTrainingExample, bool> positive, Func<OfflineTrainingExample, bool> included, OfflineTrainingOptions options)
    {
        var counts = new Dictionary<(string, bool), int>();
        foreach (var e in examples.Where(included))
        {
            var key = (e.Source, positive(e));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        var sources = counts.Keys.Select(k => k.Item1).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var named = sources.Where(options.SourceShares.ContainsKey).Sum(s => options.SourceShares[s]);
        var unnamed = sources.Count(s => !options.SourceShares.ContainsKey(s));
        var share = sources.ToDictionary(s => s, s => options.SourceShares.TryGetValue(s, out var v) ? v : Math.Max(0, 1 - named) / Math.Max(1, unnamed), StringComparer.Ordinal);

        var weights = new double[examples.Count];
        for (var i = 0; i < examples.Count; i++)
        {
            var e = examples[i];
            if (!included(e))
            {
                continue;
            }

            var classes = counts.ContainsKey((e.Source, !positive(e))) ? 2 : 1;
            weights[i] = share[e.Source] / (classes * counts[(e.Source, positive(e))]);
        }

        return weights;
    }

    private readonly struct CollectingSink(List<(int, float)> pairs) : IFeatureSink
    {
        public List<(int, float)> Pairs { get; } = pairs;

        public void Add(int index, float value) => Pairs.Add((index, value));
    }
}
