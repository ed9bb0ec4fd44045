using OrBench.Testing.Classification;
using OrBench.Testing.Classification.Cascading;
using OrBench.Testing.Classification.Csv;
using OrBench.Tool.Cli;

namespace OrBench.Tool.Output;

/// <summary>The <c>orbench classify --format json</c> document (schema in docs/cli.md).</summary>
internal static class ClassifyJson
{
    public static Task WriteAsync(ToolConsole console, ResponseCsvSummary summary, IRefusalClassifier classifier, string outputPath) =>
        JsonOutput.WriteAsync(console, "classify", json =>
        {
            json.WriteString("classifier", classifier.Name);
            json.WriteNumber("rows", summary.Rows);
            json.WriteNumber("refused", summary.Refusals);
            json.WriteStartObject("verdicts");
            foreach (var (label, count) in summary.Counts.OrderBy(c => c.Key.ToWireName(), StringComparer.Ordinal))
            {
                json.WriteNumber(label.ToWireName(), count);
            }

            json.WriteEndObject();
            if (classifier is CascadeClassifier cascade)
            {
                json.WriteNumber("judgeCalls", cascade.Statistics.JudgeCalls);
                json.WriteNumber("judgeFailures", cascade.Statistics.JudgeFailures);
            }
            else
            {
                json.WriteNull("judgeCalls");
                json.WriteNull("judgeFailures");
            }

            json.WriteString("output", outputPath);
        });
}
