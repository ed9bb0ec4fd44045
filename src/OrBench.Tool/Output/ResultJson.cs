using System.Text.Json;
using OrBench.Testing.Results;
using OrBench.Tool.Cli;

namespace OrBench.Tool.Output;

/// <summary>The summary fields of one result shared by the JSON documents of <c>run</c> and <c>report</c>.</summary>
internal static class ResultJson
{
    public static void WriteSummary(Utf8JsonWriter json, OrBenchResult result)
    {
        if (result.Model is null)
        {
            json.WriteNull("model");
        }
        else
        {
            json.WriteString("model", result.Model);
        }

        json.WriteString("prompts", result.Prompts);
        json.WriteNumber("n", result.Records.Count);
        json.WriteNumber("errors", result.Records.Count(r => r.Outcome == Testing.Running.OutcomeKind.Error));
        JsonOutput.WriteRate(json, "overRefusal", result.OverRefusalRate());
        JsonOutput.WriteRate(json, "toxicAcceptance", result.ToxicAcceptanceRate());
        if (result.Metadata.TryGetValue("shard", out var shard))
        {
            json.WriteString("shard", shard);
        }
        else
        {
            json.WriteNull("shard");
        }
    }
}
