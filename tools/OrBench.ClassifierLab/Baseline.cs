using System.Text.RegularExpressions;
using OrBench.Testing.Classification.Offline;

namespace OrBench.ClassifierLab;

/// <summary>
/// The generic baseline of issue 14: word 1–3-gram and character 3–5-gram TF-IDF (smooth IDF, raw counts, each
/// block L2-normalised, as scikit-learn's defaults) and an unweighted logistic regression with C = 1, fitted on
/// XSTest and GPTFuzz only. Hashed into 2^18 buckets per block, 100 L-BFGS iterations. Nothing tuned; lab only.
/// </summary>
internal sealed partial class Baseline
{
    private const int Bits = 18;
    private const int Size = 1 << Bits;
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<LabeledRow, Dictionary<int, int>> Cache = [];
    private readonly double[] _idf;
    private readonly double[] _theta;

    private Baseline(double[] idf, double[] theta)
    {
        _idf = idf;
        _theta = theta;
    }

    public static Baseline Fit(IReadOnlyList<LabeledRow> train)
    {
        var counts = train.Select(r => Cache.GetValue(r, row => Counts(row.Response))).ToArray();
        var df = new int[2 * Size];
        foreach (var row in counts)
        {
            foreach (var key in row.Keys)
            {
                df[key]++;
            }
        }

        var idf = new double[2 * Size];
        for (var i = 0; i < idf.Length; i++)
        {
            idf[i] = Math.Log((1.0 + train.Count) / (1.0 + df[i])) + 1;
        }

        var rows = counts.Select(c => Vector(c, idf)).ToArray();
        var weights = Enumerable.Repeat(1.0, train.Count).ToArray();
        var theta = LogisticRegression.Fit(rows, [.. train.Select(r => r.Refusal)], weights, (2 * Size) + 1, 2 * Size, 1.0 / train.Count, 100);
        return new Baseline(idf, theta);
    }

    /// <summary>Probability of a refusal.</summary>
    public double Predict(string response)
    {
        var row = Vector(Counts(response), _idf);
        var z = 0.0;
        for (var f = 0; f < row.Indices.Length; f++)
        {
            z += _theta[row.Indices[f]] * row.Values[f];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    private static Dictionary<int, int> Counts(string response)
    {
        var text = response.ToLowerInvariant();
        var counts = new Dictionary<int, int>();
        var words = Word().Matches(text).Select(m => m.Value).ToArray();
        for (var n = 1; n <= 3; n++)
        {
            for (var i = 0; i + n <= words.Length; i++)
            {
                Add(counts, Hash(string.Join(' ', words, i, n), (uint)n) & (Size - 1));
            }
        }

        for (var n = 3; n <= 5; n++)
        {
            for (var i = 0; i + n <= text.Length; i++)
            {
                Add(counts, Size + (Hash(text.Substring(i, n), 10u + (uint)n) & (Size - 1)));
            }
        }

        return counts;
    }

    private static SparseRow Vector(Dictionary<int, int> counts, double[] idf)
    {
        var pairs = counts.OrderBy(p => p.Key).Select(p => (p.Key, p.Value * idf[p.Key])).ToArray();
        var wordNorm = Math.Sqrt(pairs.Where(p => p.Key < Size).Sum(p => p.Item2 * p.Item2));
        var charNorm = Math.Sqrt(pairs.Where(p => p.Key >= Size).Sum(p => p.Item2 * p.Item2));
        var list = pairs.Select(p => (p.Key, (float)(p.Item2 / Math.Max(1e-12, p.Key < Size ? wordNorm : charNorm)))).ToList();
        list.Add((2 * Size, 1f));
        return SparseRow.From(list);
    }

    private static void Add(Dictionary<int, int> counts, int key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static int Hash(string s, uint seed)
    {
        var h = 2166136261u ^ (seed * 0x9E3779B1u);
        foreach (var c in s)
        {
            h = (h ^ c) * 16777619u;
        }

        h ^= h >> 16;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        return (int)(h & 0x7FFFFFFF);
    }

    [GeneratedRegex(@"\b\w\w+\b")]
    private static partial Regex Word();
}
