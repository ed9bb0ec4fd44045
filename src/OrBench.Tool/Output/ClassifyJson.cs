using OrBench.Testing.Classification;
using OrBench.Testing.Classification.Cascading;
using OrBench.Testing.Classification.Csv;
using OrBench.Tool.Cli;
using OrBench.Tool.Composition;

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
            if (JudgeCalls(classifier) is var (calls, failures))
            {
                json.WriteNumber("judgeCalls", calls);
                json.WriteNumber("judgeFailures", failures);
            }
            else
            {
                json.WriteNull("judgeCalls");
                json.WriteNull("judgeFailures");
            }

            json.WriteString("output", outputPath);
        });

    /// <summary>Judge calls and failed ones for <c>judge</c> (every row) and <c>cascade</c> (the rows it sent on); null without a judge.</summary>
    public static (long Calls, long Failures)? JudgeCalls(IRefusalClassifier classifier) => classifier switch
    {
        JudgeCircuitBreaker { Inner: CascadeClassifier cascade } => ((long Calls, long Failures)?)(cascade.Statistics.JudgeCalls, cascade.Statistics.JudgeFailures),
        JudgeCircuitBreaker breaker => ((long)breaker.Calls, (long)breaker.Failures),
        _ => null,
    };
}
