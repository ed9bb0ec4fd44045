using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OrBench.Benchmarks.Classification;
using OrBench.Testing.Classification;
using OrBench.Testing.Classification.Keywords;
using OrBench.Testing.Classification.Offline;

namespace OrBench.ClassifierLab;

/// <summary>
/// Writes the synthetic benchmark corpus for the Python reference, and times the C# classifiers on it by CPU
/// time (best of 5, one thread) so benchmarks/reference/compare.sh can print a like-for-like ratio. The
/// documented figures come from BenchmarkDotNet; this is the quick cross-language comparison.
/// </summary>
internal static class Speed
{
    public static int Run(string command, string[] args)
    {
        var responses = SyntheticResponses.Create();
        if (command == "corpus")
        {
            var index = Array.IndexOf(args, "--output");
            var path = index >= 0 && index + 1 < args.Length ? args[index + 1] : "corpus.jsonl";
            using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
            foreach (var response in responses)
            {
                writer.WriteLine(JsonSerializer.Serialize(response));
            }

            Console.WriteLine($"wrote {responses.Length} responses to {path}");
            return 0;
        }

        var megabytes = responses.Sum(r => (long)Encoding.UTF8.GetByteCount(r)) / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus: {responses.Length} responses, {megabytes:F1} MB UTF-8"));
        foreach (var preset in KeywordPresets.All)
        {
            var classifier = new KeywordClassifier(preset);
            Report(preset.Name, megabytes, () => responses.Count(r => classifier.Classify(r).IsRefusal()));
        }

        var model = OfflineModel.Default;
        Report("offline", megabytes, () => responses.Count(r => model.Predict(SyntheticResponses.Prompt, r).Label.IsRefusal()));
        return 0;
    }

    /// <summary>Whole-process timing: classifies every line of a JSONL file (one JSON string per line) with the default classifier and prints the refusal count.</summary>
    public static int ClassifyFile(string path)
    {
        var model = OfflineModel.Default;
        var refusals = 0;
        var count = 0;
        foreach (var line in File.ReadLines(path))
        {
            var response = JsonSerializer.Deserialize<string>(line) ?? string.Empty;
            refusals += model.Predict(SyntheticResponses.Prompt, response).Label.IsRefusal() ? 1 : 0;
            count++;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} responses, {refusals} refusals"));
        return 0;
    }

    private static void Report(string name, double megabytes, Func<int> run)
    {
        run();
        var best = double.MaxValue;
        var refusals = 0;
        for (var i = 0; i < 5; i++)
        {
            // CPU time of the process (the loop is single-threaded), not wall time: the figure then holds on a busy machine.
            var start = Process.GetCurrentProcess().TotalProcessorTime;
            refusals = run();
            best = Math.Min(best, (Process.GetCurrentProcess().TotalProcessorTime - start).TotalSeconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}\t{refusals}\t{best:F4}\t{megabytes / best:F1}"));
    }
}
