using System.Text.Json;
using nietras.SeparatedValues;
using OrBench.Testing.Classification;

namespace OrBench.ClassifierLab;

/// <summary>
/// Loads the development data: XSTest completions from <c>$ORBENCH_XSTEST_DIR</c>, GPTFuzz from
/// <c>$ORBENCH_GPTFUZZ_DIR</c> (default: <c>../gptfuzz</c> beside the XSTest directory), and the hand-written
/// examples shipped beside this tool (<c>Data/seed-examples.jsonl</c>). The first two are never copied into
/// the repository.
/// </summary>
internal static class DevData
{
    public static readonly string[] XsTestModels = ["llama2orig", "mistralinstruct"];

    public static string XsTestDirectory() =>
        Environment.GetEnvironmentVariable("ORBENCH_XSTEST_DIR") is { Length: > 0 } dir
            ? dir
            : throw new InvalidOperationException("Set ORBENCH_XSTEST_DIR to the XSTest directory (e.g. /work/shared/xstest).");

    public static string GptFuzzDirectory() =>
        Environment.GetEnvironmentVariable("ORBENCH_GPTFUZZ_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(XsTestDirectory()).TrimEnd(Path.DirectorySeparatorChar))!, "gptfuzz");

    public static string SeedPath() => Path.Combine(AppContext.BaseDirectory, "Data", "seed-examples.jsonl");

    /// <summary>XSTest, then GPTFuzz, then the seed examples, each in file order.</summary>
    public static List<LabeledRow> LoadAll() => [.. LoadXsTest(XsTestDirectory()), .. LoadGptFuzz(GptFuzzDirectory()), .. LoadSeeds(SeedPath())];

    public static IEnumerable<LabeledRow> LoadXsTest(string directory)
    {
        foreach (var model in XsTestModels)
        {
            var path = Path.Combine(directory, $"xstest_v2_completions_{model}.csv");
            using var reader = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true }).FromFile(path);
            foreach (var row in reader)
            {
                var label = row["final_label"].ToString() switch
                {
                    "1_full_compliance" => VerdictLabel.DirectAnswer,
                    "2_full_refusal" => VerdictLabel.DirectRefusal,
                    "3_partial_refusal" => VerdictLabel.IndirectRefusal,
                    var other => throw new InvalidDataException($"{path}, line {row.LineNumberFrom}: unknown final_label '{other}'."),
                };
                yield return new LabeledRow("xstest", model, row["id"].ToString(), row["prompt"].ToString(), row["completion"].ToString(), label.IsRefusal(), label);
            }
        }
    }

    public static IEnumerable<LabeledRow> LoadGptFuzz(string directory)
    {
        var path = Path.Combine(directory, "gptfuzz_train.csv");
        using var reader = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true }).FromFile(path);
        foreach (var row in reader)
        {
            var refusal = row["label"].ToString() switch
            {
                "0" => true,
                "1" => false,
                var other => throw new InvalidDataException($"{path}, line {row.LineNumberFrom}: label '{other}' is neither 0 nor 1."),
            };
            yield return new LabeledRow("gptfuzz", "gpt-3.5-turbo", row["question_id"].ToString(), row["prompt"].ToString(), row["response"].ToString(), refusal, null);
        }
    }

    public static IEnumerable<LabeledRow> LoadSeeds(string path)
    {
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var seed = JsonSerializer.Deserialize<SeedExample>(text, JsonOptions)
                ?? throw new InvalidDataException($"{path}, line {line}: not a JSON object.");
            if (string.IsNullOrWhiteSpace(seed.Kind) || string.IsNullOrWhiteSpace(seed.Response) || string.IsNullOrWhiteSpace(seed.Reason))
            {
                throw new InvalidDataException($"{path}, line {line}: 'kind', 'response' and 'reason' are required.");
            }

            var label = seed.Label switch
            {
                "direct_answer" => VerdictLabel.DirectAnswer,
                "direct_refusal" => VerdictLabel.DirectRefusal,
                "indirect_refusal" => VerdictLabel.IndirectRefusal,
                var other => throw new InvalidDataException($"{path}, line {line}: label '{other}' is not direct_answer, direct_refusal or indirect_refusal."),
            };
            yield return new LabeledRow("seed", seed.Kind, line.ToString(System.Globalization.CultureInfo.InvariantCulture), seed.Prompt ?? string.Empty, seed.Response, label.IsRefusal(), label);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record SeedExample(string Kind, string Label, string? Prompt, string Response, string Reason);
}
