namespace OrBench.Testing.Classification.Offline;

/// <summary>
/// Trains an <see cref="OfflineModel"/>: multinomial logistic regression by full-batch gradient descent with
/// Nesterov momentum. No randomness and a fixed summation order, so the same examples and options give the
/// same weights bit for bit on the same runtime.
/// </summary>
internal static class OfflineModelTrainer
{
    /// <summary>Maps a label to its class index; only the three text classes can be trained on.</summary>
    public static int ClassIndex(VerdictLabel label) => label switch
    {
        VerdictLabel.DirectAnswer => 0,
        VerdictLabel.DirectRefusal => 1,
        VerdictLabel.IndirectRefusal => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "Only direct_answer, direct_refusal and indirect_refusal can be trained on."),
    };

    /// <summary>Trains on responses without prompts (the prompt–response features stay zero).</summary>
    public static OfflineModel Train(IReadOnlyList<(string Text, VerdictLabel Label)> examples, OfflineTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(examples);
        return Train([.. examples.Select(e => (string.Empty, e.Text, e.Label))], options);
    }

    /// <summary>Trains on responses together with the prompts they answer.</summary>
    public static OfflineModel Train(IReadOnlyList<(string Prompt, string Text, VerdictLabel Label)> examples, OfflineTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        if (examples.Count == 0)
        {
            throw new ArgumentException("No training examples.", nameof(examples));
        }

        const int k = OfflineModel.Classes;
        var featureCount = OfflineFeaturizer.FeatureCount(options.BucketBits);
        var biasFeature = 1 << options.BucketBits;
        var rows = new (int[] Index, float[] Value, int Label)[examples.Count];
        var classCounts = new int[k];
        for (var i = 0; i < examples.Count; i++)
        {
            var sink = new CollectingSink(new Dictionary<int, float>());
            OfflineFeaturizer.Extract(examples[i].Prompt, examples[i].Text, options.BucketBits, options.Window, ref sink);
            var ordered = sink.Features.OrderBy(p => p.Key).ToArray();
            var label = ClassIndex(examples[i].Label);
            rows[i] = (ordered.Select(p => p.Key).ToArray(), ordered.Select(p => p.Value).ToArray(), label);
            classCounts[label]++;
        }

        var sampleWeight = new double[k];
        for (var c = 0; c < k; c++)
        {
            sampleWeight[c] = classCounts[c] == 0 ? 0 : options.BalanceClasses ? (double)examples.Count / (k * classCounts[c]) : 1.0;
        }

        var totalWeight = rows.Sum(r => sampleWeight[r.Label]);
        var weights = new double[featureCount * k];
        var velocity = new double[featureCount * k];
        var lookahead = new double[featureCount * k];
        var gradient = new double[featureCount * k];
        Span<double> scores = stackalloc double[k];
        for (var iteration = 0; iteration < options.Iterations; iteration++)
        {
            for (var j = 0; j < weights.Length; j++)
            {
                lookahead[j] = weights[j] + (options.Momentum * velocity[j]);
            }

            Array.Clear(gradient);
            foreach (var (index, value, label) in rows)
            {
                scores.Clear();
                for (var f = 0; f < index.Length; f++)
                {
                    var offset = index[f] * k;
                    for (var c = 0; c < k; c++)
                    {
                        scores[c] += lookahead[offset + c] * value[f];
                    }
                }

                var max = Math.Max(scores[0], Math.Max(scores[1], scores[2]));
                var sum = 0.0;
                for (var c = 0; c < k; c++)
                {
                    scores[c] = Math.Exp(scores[c] - max);
                    sum += scores[c];
                }

                var w = sampleWeight[label] / totalWeight;
                for (var c = 0; c < k; c++)
                {
                    var residual = w * ((scores[c] / sum) - (c == label ? 1.0 : 0.0));
                    for (var f = 0; f < index.Length; f++)
                    {
                        gradient[(index[f] * k) + c] += residual * value[f];
                    }
                }
            }

            for (var j = 0; j < weights.Length; j++)
            {
                var g = gradient[j];
                if (j / k != biasFeature)
                {
                    g += options.L2 * lookahead[j];
                }

                velocity[j] = (options.Momentum * velocity[j]) - (options.LearningRate * g);
                weights[j] += velocity[j];
            }
        }

        return new OfflineModel(options.BucketBits, options.Window, OfflineModel.RoundToStoredPrecision(weights));
    }

    private readonly struct CollectingSink(Dictionary<int, float> features) : IFeatureSink
    {
        public Dictionary<int, float> Features { get; } = features;

        public void Add(int index, float value) =>
            Features[index] = Features.TryGetValue(index, out var existing) ? existing + value : value;
    }
}
