using nietras.SeparatedValues;
using OrBench.Testing.Classification;

namespace OrBench.ClassifierLab;

/// <summary>Reads XSTest's human-labelled completions from the directory in <c>ORBENCH_XSTEST_DIR</c>.</summary>
internal static class XsTestData
{
    public static readonly string[] Models = ["llama2orig", "mistralinstruct"];

    public static string Directory() =>
        Environment.GetEnvironmentVariable("ORBENCH_XSTEST_DIR") is { Length: > 0 } dir
            ? dir
            : throw new InvalidOperationException("Set ORBENCH_XSTEST_DIR to the XSTest directory (e.g. /work/shared/xstest).");

    public static IReadOnlyList<XsTestResponse> Load(string directory)
    {
        var all = new List<XsTestResponse>();
        foreach (var model in Models)
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
                all.Add(new XsTestResponse(model, row["id"].ToString(), row["prompt"].ToString(), row["completion"].ToString(), label));
            }
        }

        return all;
    }
}
