using System.CommandLine;
using OrBench.Tool.Cli;

namespace OrBench.Tool.Commands;

/// <summary>The classifier options shared by <c>run</c> and <c>classify</c>: which classifier, and where the judge lives.</summary>
internal sealed class JudgeOptions
{
    public Option<string> Classifier { get; } = new("--classifier")
    {
        Description = "Which classifier decides refusals: keyword, offline (default, no model call), judge (LLM judge), cascade (offline, judge when unsure).",
        DefaultValueFactory = _ => "offline",
    };

    public Option<string?> JudgeEndpoint { get; } = new Option<string?>("--judge-endpoint")
    {
        HelpName = "URL",
        Description = "Base URL of the OpenAI-compatible server of the judge model (e.g. http://localhost:8000/v1). Required by judge and cascade.",
    }.HttpUrl();

    public Option<string?> JudgeModel { get; } = new("--judge-model")
    {
        HelpName = "NAME",
        Description = "Model name of the judge. Required by judge and cascade.",
    };

    public Option<string> JudgeApiKeyEnv { get; } = new("--judge-api-key-env")
    {
        HelpName = "VAR",
        Description = "Environment variable holding the judge's API key.",
        DefaultValueFactory = _ => "ORBENCH_JUDGE_API_KEY",
    };

    public JudgeOptions()
    {
        Classifier.AcceptOnlyFromAmong("keyword", "offline", "judge", "cascade");
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Classifier);
        command.Options.Add(JudgeEndpoint);
        command.Options.Add(JudgeModel);
        command.Options.Add(JudgeApiKeyEnv);
        command.AddCheck(result =>
        {
            var kind = result.GetValue(Classifier);
            if (kind is "judge" or "cascade" && (result.GetValue(JudgeEndpoint) is null || result.GetValue(JudgeModel) is null))
            {
                return $"--classifier {kind} needs --judge-endpoint and --judge-model.";
            }

            return null;
        });
    }

    public JudgeSettings Bind(ParseResult parseResult) => new(
        Parse(parseResult.GetRequiredValue(Classifier)),
        parseResult.GetValue(JudgeEndpoint) is { } url ? new Uri(url) : null,
        parseResult.GetValue(JudgeModel),
        parseResult.GetRequiredValue(JudgeApiKeyEnv),
        parseResult.GetResult(JudgeApiKeyEnv) is { Implicit: false });

    private static ClassifierKind Parse(string value) => value switch
    {
        "keyword" => ClassifierKind.Keyword,
        "judge" => ClassifierKind.Judge,
        "cascade" => ClassifierKind.Cascade,
        "offline" => ClassifierKind.Offline,
        _ => throw new UsageException($"unknown classifier '{value}'"),
    };
}

/// <summary>The bound classifier options.</summary>
internal sealed record JudgeSettings(ClassifierKind Kind, Uri? JudgeEndpoint, string? JudgeModel, string JudgeApiKeyEnv, bool JudgeApiKeyEnvExplicit);
