using System.Text.Json;
using OrBench.Testing.Gates;
using OrBench.Testing.Reporting;
using OrBench.Testing.Results;
using OrBench.Tool.Cli;

namespace OrBench.Tool.Output;

/// <summary>The <c>orbench run --format json</c> document (schema in docs/cli.md): the summary, every gate, the regression check and the files.</summary>
internal static class RunJson
{
    public static Task WriteAsync(ToolConsole console, OrBenchResult result, IReadOnlyList<GateResult> gates, RegressionAssessment? regression, string directory, int exitCode) =>
        JsonOutput.WriteAsync(console, "run", json =>
        {
            json.WriteNumber("exitCode", exitCode);
            ResultJson.WriteSummary(json, result);
            json.WriteStartArray("gates");
            foreach (var gate in gates)
            {
                json.WriteStartObject();
                json.WriteString("name", gate.Gate.Name);
                json.WriteString("status", gate.Status switch { GateStatus.Passed => "passed", GateStatus.Failed => "failed", GateStatus.Inconclusive => "inconclusive", _ => "undecided" });
                json.WriteBoolean("passed", gate.Passed);
                json.WriteNumber("errors", gate.Errors);
                json.WriteNumber("threshold", gate.Gate.Threshold);
                json.WriteString("policy", gate.Gate.Policy.ToDisplayName());
                JsonOutput.WriteRate(json, "estimate", gate.Estimate);
                json.WriteNumber("errors", gate.Errors);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (regression is null)
            {
                json.WriteNull("regression");
            }
            else
            {
                json.WriteStartObject("regression");
                json.WriteBoolean("regressed", regression.Regressed);
                json.WriteNumber("paired", regression.Paired);
                json.WriteNumber("worse", regression.Worse);
                json.WriteNumber("better", regression.Better);
                json.WriteNumber("pValue", JsonOutput.Round(regression.PValue));
                json.WriteNumber("alpha", regression.Alpha);
                json.WriteNumber("maxRegression", regression.Tolerance);
                json.WriteStartArray("categories");
                foreach (var category in regression.RegressingCategories)
                {
                    json.WriteStringValue(category.Category);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteStartObject("files");
            json.WriteString("directory", directory);
            json.WriteString("results", Path.Combine(directory, ResultFiles.ResultsFileName));
            json.WriteString("records", Path.Combine(directory, ResultFiles.RecordsFileName));
            json.WriteString("markdown", Path.Combine(directory, ReportWriter.MarkdownFileName));
            json.WriteString("html", Path.Combine(directory, ReportWriter.HtmlFileName));
            json.WriteEndObject();
        });
}
