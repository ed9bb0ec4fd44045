using System.Globalization;
using System.Text;
using OrBench.Testing.Classification;
using OrBench.Testing.Classification.Keywords;
using OrBench.Testing.Classification.Offline;

namespace OrBench.ClassifierLab;

/// <summary>
/// The held-out validation of docs/classification.md. Every figure of a trained classifier is measured on rows
/// it was not fitted on: XSTest leave one model out, leave one dataset out (both directions), GPTFuzz leave
/// questions out (5 folds), hand-written examples held out by kind. Keyword presets are not trained: they are
/// scored on the same rows. The baseline is the issue's generic TF-IDF model, trained on the same development
/// rows without the hand-written examples.
/// </summary>
internal static class Validation
{
    public const int QuestionFolds = 5;
    public const int Seed = 20240531;
    public const int KindFolds = 5;

    /// <summary>Folds trained at once (the machine has two cores).</summary>
    private static readonly ParallelOptions Parallelism = new() { MaxDegreeOfParallelism = 3 };

    private sealed record Fold(Func<LabeledRow, bool> Train, Func<LabeledRow, bool> Test);

    private sealed record Split(string Name, Fold[] Folds, (string Name, Func<LabeledRow, bool> Member)[] Groups);

    public static string Run(List<LabeledRow> all, OfflineTrainingOptions options, bool baseline, string? errors, string? only = null)
    {
        var examples = all.Select(r => r.ToExample()).ToList();
        var features = OfflineModelTrainer.Featurize(examples, options.BucketBits);
        var index = new Dictionary<LabeledRow, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < all.Count; i++)
        {
            index[all[i]] = i;
        }

        var questionFold = QuestionFoldOf(all);
        var presets = KeywordPresets.All.OrderBy(p => p.Name == "default" ? 0 : 1).ThenBy(p => p.Name, StringComparer.Ordinal).Select(p => new KeywordClassifier(p)).ToArray();
        var kinds = all.Where(r => r.Source == "seed").Select(r => r.Group).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

        (string, Func<LabeledRow, bool>)[] xstestGroups =
        [
            ("Llama-2 all", r => r.Group == "llama2orig"),
            ("Llama-2 clear", r => r.Group == "llama2orig" && r.Clear),
            ("Mistral all", r => r.Group == "mistralinstruct"),
            ("Mistral clear", r => r.Group == "mistralinstruct" && r.Clear),
            ("all", _ => true),
            ("clear", r => r.Clear),
            ("partial", r => !r.Clear),
            ("short", r => r.Short),
        ];
        (string, Func<LabeledRow, bool>)[] gptfuzzGroups = [("all", _ => true), ("short", r => r.Short)];

        Split[] splits =
        [
            new("XSTest, leave one model out (train: other XSTest model + GPTFuzz + seeds)",
                [.. DevData.XsTestModels.Select(m => new Fold(r => !(r.Source == "xstest" && r.Group == m), r => r.Source == "xstest" && r.Group == m))], xstestGroups),
            new("Leave one dataset out: XSTest + seeds → GPTFuzz", [new Fold(r => r.Source != "gptfuzz", r => r.Source == "gptfuzz")], gptfuzzGroups),
            new("Leave one dataset out: GPTFuzz + seeds → XSTest", [new Fold(r => r.Source != "xstest", r => r.Source == "xstest")], xstestGroups),
            new($"GPTFuzz, leave questions out ({QuestionFolds} folds by question; train: other questions + XSTest + seeds)",
                [.. Enumerable.Range(0, QuestionFolds).Select(k => new Fold(r => !(r.Source == "gptfuzz" && questionFold[r.Question] == k), r => r.Source == "gptfuzz" && questionFold[r.Question] == k))], gptfuzzGroups),
            new($"Hand-written examples, held out by kind ({KindFolds} folds of whole kinds; train: XSTest + GPTFuzz + the other kinds)",
                [.. Enumerable.Range(0, KindFolds).Select(f => new Fold(r => !(r.Source == "seed" && KindFold(kinds, r.Group) == f), r => r.Source == "seed" && KindFold(kinds, r.Group) == f))],
                [.. kinds.Select(k => (k, (Func<LabeledRow, bool>)(r => r.Group == k))), ("all", _ => true), ("short", r => r.Short)]),
        ];

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Data: {string.Join(", ", all.GroupBy(r => r.Source).Select(g => $"{g.Key} {g.Count()}"))} rows. Offline options: L2 {options.L2}, 2^{options.BucketBits} buckets, {options.Iterations} L-BFGS iterations, shares {string.Join(", ", options.SourceShares.Select(p => $"{p.Key} {p.Value}"))}.");
        report.AppendLine("Cells: binary agreement / 3-class agreement (3-class only where the source has three classes: XSTest, seeds). Calibration cells: share of rows wrong with confidence ≥ 0.9 / expected calibration error (10 bins).");
        report.AppendLine();
        var cascade = new List<(bool Right, double Confidence)>();

        var errorLines = new List<string>();
        foreach (var split in splits.Where(s => only is null || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            var splitStart = report.Length;
            var cards = new Dictionary<(string Classifier, string Group), Scorecard>();
            void Record(string classifier, LabeledRow row, VerdictLabel label, double confidence, (string Name, Func<LabeledRow, bool> Member)[] groups)
            {
                foreach (var (group, member) in groups)
                {
                    if (member(row))
                    {
                        if (!cards.TryGetValue((classifier, group), out var card))
                        {
                            cards[(classifier, group)] = card = new Scorecard();
                        }

                        card.Add(row, label, confidence);
                    }
                }
            }

            // Folds are trained in parallel (each training is single-threaded and deterministic); results are
            // recorded afterwards in fold order, so the report does not depend on scheduling.
            var baselines = new Dictionary<string, Baseline>(StringComparer.Ordinal);
            var foldKeys = split.Folds.Select(f => string.Join(",", all.Where(f.Train).Where(r => r.Source != "seed").Select(r => index[r]))).ToArray();
            if (baseline)
            {
                var distinct = foldKeys.Distinct(StringComparer.Ordinal).ToArray();
                var fitted = new Baseline[distinct.Length];
                Parallel.For(0, distinct.Length, Parallelism, k =>
                {
                    var fold = split.Folds[Array.IndexOf(foldKeys, distinct[k])];
                    fitted[k] = Baseline.Fit([.. all.Where(fold.Train).Where(r => r.Source != "seed")]);
                });
                for (var k = 0; k < distinct.Length; k++)
                {
                    baselines[distinct[k]] = fitted[k];
                }
            }

            var models = new OfflineModel[split.Folds.Length];
            Parallel.For(0, split.Folds.Length, Parallelism, f =>
            {
                var trainIdx = all.Where(split.Folds[f].Train).Select(r => index[r]).ToArray();
                models[f] = OfflineModelTrainer.Train([.. trainIdx.Select(i => examples[i])], [.. trainIdx.Select(i => features[i])], options);
            });

            for (var f = 0; f < split.Folds.Length; f++)
            {
                var model = models[f];
                var baselineModel = baseline ? baselines[foldKeys[f]] : null;
                foreach (var row in all.Where(split.Folds[f].Test))
                {
                    var scores = model.Predict(row.Prompt, row.Response);
                    Record("offline", row, scores.Label, scores.Confidence, split.Groups);
                    cascade.Add((scores.Label.IsRefusal() == row.Refusal, scores.Confidence));
                    if (scores.Label.IsRefusal() != row.Refusal)
                    {
                        errorLines.Add($"[{split.Name[..20]}] {row.Source}/{row.Group} {row.Question} gold={(row.Refusal ? "refusal" : "answer")} pred={scores.Label} conf={scores.Confidence:F2}\n  PROMPT: {Clip(row.Prompt, 150)}\n  RESP: {Clip(row.Response, 400)}");
                    }

                    if (baselineModel is not null)
                    {
                        var p = baselineModel.Predict(row.Response);
                        Record("baseline (TF-IDF LR)", row, p >= 0.5 ? VerdictLabel.DirectRefusal : VerdictLabel.DirectAnswer, Math.Max(p, 1 - p), split.Groups);
                    }

                    foreach (var preset in presets)
                    {
                        var label = preset.Classify(row.Response);
                        Record(preset.Name, row, label, preset.Patterns.Confidence, split.Groups);
                    }
                }
            }

            var names = new List<string> { "offline" };
            if (baseline)
            {
                names.Add("baseline (TF-IDF LR)");
            }

            names.AddRange(presets.Select(p => p.Name));
            var groups = split.Groups.Where(g => cards.ContainsKey(("offline", g.Name))).Select(g => g.Name).ToArray();
            report.AppendLine(CultureInfo.InvariantCulture, $"#### {split.Name}");
            report.AppendLine();
            report.AppendLine("| classifier | " + string.Join(" | ", groups.Select(g => $"{g} (n={cards[("offline", g)].Total})")) + " |");
            report.AppendLine("|---|" + string.Concat(groups.Select(_ => "---|")));
            foreach (var name in names)
            {
                report.AppendLine("| " + name + " | " + string.Join(" | ", groups.Select(g => Cell(cards[(name, g)]))) + " |");
            }

            report.AppendLine();
            report.AppendLine("| calibration: confidently wrong / ECE | " + string.Join(" | ", groups) + " |");
            report.AppendLine("|---|" + string.Concat(groups.Select(_ => "---|")));
            foreach (var name in names.Take(baseline ? 3 : 2))
            {
                report.AppendLine("| " + name + " | " + string.Join(" | ", groups.Select(g => P(cards[(name, g)].ConfidentlyWrongShare) + " / " + cards[(name, g)].Ece.ToString("F3", CultureInfo.InvariantCulture))) + " |");
            }

            report.AppendLine();
            Console.Error.Write(report.ToString(splitStart, report.Length - splitStart));
        }

        report.AppendLine("#### Cascade: offline confidence over every held-out prediction above (judge called below the threshold)");
        report.AppendLine();
        report.AppendLine("| threshold | judge calls | offline right on the rest | binary, oracle judge |");
        report.AppendLine("|---|---|---|---|");
        foreach (var threshold in new[] { 0.6, 0.7, 0.8, 0.9, 0.95 })
        {
            var sent = cascade.Count(c => c.Confidence < threshold);
            var kept = cascade.Where(c => c.Confidence >= threshold).ToList();
            var keptRight = kept.Count(c => c.Right);
            report.AppendLine(CultureInfo.InvariantCulture, $"| {threshold:F2} | {sent} ({P((double)sent / cascade.Count)}) | {P(kept.Count == 0 ? 1 : (double)keptRight / kept.Count)} | {P((double)(keptRight + sent) / cascade.Count)} |");
        }

        report.AppendLine();
        if (errors is not null)
        {
            File.WriteAllLines(errors, errorLines);
        }

        return report.ToString();
    }

    /// <summary>Kinds in name order, dealt round-robin into <see cref="KindFolds"/> folds.</summary>
    private static int KindFold(string[] kinds, string kind) => Array.IndexOf(kinds, kind) % KindFolds;

    /// <summary>GPTFuzz question id → fold, by a seeded shuffle of the distinct ids in numeric order.</summary>
    public static Dictionary<string, int> QuestionFoldOf(IEnumerable<LabeledRow> rows)
    {
        var ids = rows.Where(r => r.Source == "gptfuzz").Select(r => r.Question).Distinct(StringComparer.Ordinal)
            .OrderBy(q => int.Parse(q, CultureInfo.InvariantCulture)).ToArray();
        new Random(Seed).Shuffle(ids);
        var folds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            folds[ids[i]] = i % QuestionFolds;
        }

        return folds;
    }

    private static string Cell(Scorecard card) =>
        card.ThreeClassTotal > 0 ? $"{P(card.Binary)} / {P(card.ThreeClass)}" : P(card.Binary);

    private static string P(double value) => double.IsNaN(value) ? "–" : (100 * value).ToString("F1", CultureInfo.InvariantCulture) + " %";

    private static string Clip(string text, int length)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= length ? flat : flat[..length];
    }
}
