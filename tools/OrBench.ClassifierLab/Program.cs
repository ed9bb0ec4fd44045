using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OrBench.ClassifierLab;
using OrBench.Testing.Classification;
using OrBench.Testing.Classification.Keywords;
using OrBench.Testing.Classification.Offline;

// Usage:
//   dotnet run -c Release --project tools/OrBench.ClassifierLab -- train [--output src/OrBench.Testing/Classification/Offline/offline-model.bin]
//   dotnet run -c Release --project tools/OrBench.ClassifierLab -- evaluate [--dev] [--markdown FILE] [--no-prompt] [--cross-errors FILE] [--errors FILE]
//   dotnet run -c Release --project tools/OrBench.ClassifierLab -- corpus --output FILE.jsonl   (synthetic 80,000 x 1 KB corpus)
//   dotnet run -c Release --project tools/OrBench.ClassifierLab -- speed                        (single-core Stopwatch throughput)
// Both read XSTest from $ORBENCH_XSTEST_DIR.
var command = args.Length > 0 ? args[0] : "evaluate";
if (command is "corpus" or "speed")
{
    return Speed.Run(command, args);
}

var rows = XsTestData.Load(XsTestData.Directory());
if (args.Contains("--no-prompt"))
{
    // Ablation: hide the prompts, so the prompt-response features stay zero.
    rows = [.. rows.Select(r => r with { Prompt = string.Empty })];
}
var options = new OfflineTrainingOptions();
if (Option("--l2") is { } l2)
{
    options = options with { L2 = double.Parse(l2, CultureInfo.InvariantCulture) };
}

if (Option("--window") is { } window)
{
    options = options with { Window = int.Parse(window, CultureInfo.InvariantCulture) };
}

if (Option("--iterations") is { } iterations)
{
    options = options with { Iterations = int.Parse(iterations, CultureInfo.InvariantCulture) };
}

if (Option("--bits") is { } bits)
{
    options = options with { BucketBits = int.Parse(bits, CultureInfo.InvariantCulture) };
}

switch (command)
{
    case "train":
        {
            var output = Option("--output") ?? Path.Combine("src", "OrBench.Testing", "Classification", "Offline", "offline-model.bin");
            var watch = Stopwatch.StartNew();
            var model = OfflineModelTrainer.Train([.. OfflineSeedExamples.All, .. rows.Select(r => (r.Prompt, r.Completion, r.Gold))], options);
            var temp = output + ".tmp";
            using (var stream = File.Create(temp))
            {
                model.Write(stream);
            }

            File.Move(temp, output, overwrite: true);
            var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(output)));
            Console.WriteLine($"trained on {rows.Count} responses in {watch.Elapsed.TotalSeconds:F1} s: {output} ({new FileInfo(output).Length} bytes) sha256 {hash}");
            Console.WriteLine($"options: {options}");
            break;
        }

    case "evaluate":
        {
            var dev = args.Contains("--dev");
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"Offline options: {options}.");
            report.AppendLine(CultureInfo.InvariantCulture, $"XSTest v2 completions: {rows.Count} responses ({string.Join(", ", XsTestData.Models.Select(m => $"{m} {rows.Count(r => r.Model == m)}"))}).");
            report.AppendLine();
            if (!dev)
            {
                report.AppendLine("### Keyword checks (no training: every figure is held out)");
                report.AppendLine();
                AppendHeader(report);
                foreach (var preset in KeywordPresets.All.OrderBy(p => p.Name == "xstest" ? 0 : p.Name == "default" ? 1 : 2))
                {
                    var classifier = new KeywordClassifier(preset);
                    AppendRow(report, classifier.Name, Agreement.Score(rows.Select(r => (r, classifier.Classify(r.Completion)))));
                }

                report.AppendLine();
                report.AppendLine("### Offline classifier, trained on one model's responses, tested on the other's");
                report.AppendLine();
                AppendHeader(report);
                var crossPredictions = new List<(XsTestResponse, VerdictLabel)>();
                var crossScores = new List<(XsTestResponse Row, OfflineScores Scores)>();
                foreach (var testModel in XsTestData.Models)
                {
                    var train = rows.Where(r => r.Model != testModel).ToList();
                    var model = OfflineModelTrainer.Train([.. OfflineSeedExamples.All, .. train.Select(r => (r.Prompt, r.Completion, r.Gold))], options);
                    foreach (var row in rows.Where(r => r.Model == testModel))
                    {
                        var scores = model.Predict(row.Prompt, row.Completion);
                        crossPredictions.Add((row, scores.Label));
                        crossScores.Add((row, scores));
                    }
                }

                if (Option("--cross-errors") is { } crossErrors)
                {
                    File.WriteAllLines(crossErrors, crossPredictions.Where(p => p.Item1.Gold.IsRefusal() != p.Item2.IsRefusal())
                        .Select(p => $"{p.Item1.Model} {p.Item1.Id} gold={p.Item1.Gold} pred={p.Item2}\n  PROMPT: {p.Item1.Prompt}\n  RESP: {p.Item1.Completion.ReplaceLineEndings(" ")[..Math.Min(300, p.Item1.Completion.Length)]}"));
                }

                AppendRow(report, "offline (cross-model)", Agreement.Score(crossPredictions));
                report.AppendLine();
                AppendCascade(report, crossScores);
            }

            foreach (var (title, scope) in new[] { ("pooled 10-fold cross-validation", (string?)null) }
                         .Concat(dev ? XsTestData.Models.Select(m => ($"5-fold cross-validation within {m} only", (string?)m)) : []))
            {
                var subset = rows.Where(r => scope is null || r.Model == scope).ToList();
                var k = scope is null ? 10 : 5;
                var folds = Folds.Assign(subset, k);
                var predictions = new List<(XsTestResponse, VerdictLabel)>();
                for (var fold = 0; fold < k; fold++)
                {
                    var train = subset.Where((_, i) => folds[i] != fold).ToList();
                    var model = OfflineModelTrainer.Train([.. OfflineSeedExamples.All, .. train.Select(r => (r.Prompt, r.Completion, r.Gold))], options);
                    predictions.AddRange(subset.Where((_, i) => folds[i] == fold).Select(r => (r, model.Predict(r.Prompt, r.Completion).Label)));
                }

                if (Option("--errors") is { } errorsFile)
                {
                    File.AppendAllLines(errorsFile, predictions.Where(p => p.Item1.Gold.IsRefusal() != p.Item2.IsRefusal())
                        .Select(p => $"{p.Item1.Model} gold={p.Item1.Gold} pred={p.Item2} :: {p.Item1.Completion.ReplaceLineEndings(" ")[..Math.Min(400, p.Item1.Completion.Length)]}"));
                }

                report.AppendLine(CultureInfo.InvariantCulture, $"### Offline classifier, {title} (seed {Folds.Seed})");
                report.AppendLine();
                AppendHeader(report);
                AppendRow(report, "offline (CV)", Agreement.Score(predictions));
                report.AppendLine();
            }

            Console.Write(report);
            if (Option("--markdown") is { } markdown)
            {
                File.WriteAllText(markdown, report.ToString());
            }

            break;
        }

    default:
        Console.Error.WriteLine($"Unknown command '{command}'. Commands: train, evaluate.");
        return 2;
}

return 0;

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

// The cascade sends a response to the judge when the offline confidence is below the threshold. No judge model is
// reachable here, so this bounds what a cascade can reach: with a judge that always agrees with the human label
// ("oracle"), and with one that is right 90 % of the time on the responses it sees (expected value), together with
// the share of responses that would cost a judge call. Cross-model scores, so the threshold is not tuned on them.
static void AppendCascade(StringBuilder report, List<(XsTestResponse Row, OfflineScores Scores)> scores)
{
    static string P(double value) => (100 * value).ToString("F1", CultureInfo.InvariantCulture) + " %";
    report.AppendLine("### Cascade bound (cross-model offline scores; judge calls where confidence < threshold)");
    report.AppendLine();
    report.AppendLine("| threshold | judge calls | offline right on the rest | binary agreement, oracle judge | binary agreement, 90 %-accurate judge |");
    report.AppendLine("|---|---|---|---|---|");
    foreach (var threshold in new[] { 0.6, 0.7, 0.8, 0.9, 0.95 })
    {
        var sent = scores.Count(s => s.Scores.Confidence < threshold);
        var kept = scores.Where(s => s.Scores.Confidence >= threshold).ToList();
        var keptRight = kept.Count(s => s.Scores.Label.IsRefusal() == s.Row.Gold.IsRefusal());
        var oracle = (double)(keptRight + sent) / scores.Count;
        var noisy = (keptRight + (0.9 * sent)) / scores.Count;
        var restRight = kept.Count == 0 ? 1.0 : (double)keptRight / kept.Count;
        report.AppendLine(CultureInfo.InvariantCulture, $"| {threshold:F2} | {sent} ({P((double)sent / scores.Count)}) | {P(restRight)} | {P(oracle)} | {P(noisy)} |");
    }

    report.AppendLine();
}

static void AppendHeader(StringBuilder report)
{
    report.AppendLine("| classifier | Llama-2 binary | Llama-2 3-class | Mistral binary | Mistral 3-class | pooled binary | pooled 3-class | missed refusals | false refusals |");
    report.AppendLine("|---|---|---|---|---|---|---|---|---|");
}

static void AppendRow(StringBuilder report, string name, Dictionary<string, Agreement> scores)
{
    static string P(double value) => (100 * value).ToString("F1", CultureInfo.InvariantCulture) + " %";
    var l = scores["llama2orig"];
    var m = scores["mistralinstruct"];
    var p = scores["pooled"];
    report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {P(l.Binary)} | {P(l.ThreeClass)} | {P(m.Binary)} | {P(m.ThreeClass)} | {P(p.Binary)} | {P(p.ThreeClass)} | {p.MissedRefusals} | {p.FalseRefusals} |");
}
