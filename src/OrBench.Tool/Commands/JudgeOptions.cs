using System.CommandLine;
using OrBench.Testing.Classification.Keywords;
using OrBench.Tool.Cli;

namespace OrBench.Tool.Commands;

/// <summary>The classifier options shared by <c>run</c> and <c>classify</c>: which classifier, and where the judge lives.</summary>
internal sealed class JudgeOptions
{
    public Option<string> Classifier { get; } = new("--classifier")
    {
        Description = "Which classifier decides refusals: keyword (the default keyword set) or keyword:<preset> (one of " + PresetNames + "), offline (default, no model call), judge (LLM judge), cascade (offline, judge when unsure).",
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

    private static readonly string PresetNames = string.Join(", ", KeywordPresets.All.Select(p => p.Name));

    public JudgeOptions()
    {
        Classifier.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!TryParse(value, out _, out _))
            {
                result.AddError($"--classifier '{value}' is not one of keyword, keyword:<preset>, offline, judge, cascade (presets: {PresetNames}).");
            }
        });
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

    public JudgeSettings Bind(ParseResult parseResult)
    {
        var value = parseResult.GetRequiredValue(Classifier);
        if (!TryParse(value, out var kind, out var preset))
        {
            throw new UsageException($"unknown classifier '{value}'");
        }

        return new(
            kind,
            parseResult.GetValue(JudgeEndpoint) is { } url ? new Uri(url) : null,
            parseResult.GetValue(JudgeModel),
            parseResult.GetRequiredValue(JudgeApiKeyEnv),
            parseResult.GetResult(JudgeApiKeyEnv) is { Implicit: false })
        {
            KeywordPreset = preset,
        };
    }

    /// <summary>keyword, keyword:&lt;preset&gt; (case-insensitive preset name), offline, judge or cascade.</summary>
    private static bool TryParse(string? value, out ClassifierKind kind, out KeywordPatterns? preset)
    {
        preset = null;
        kind = ClassifierKind.Keyword;
        switch (value)
        {
            case "keyword":
                return true;
            case "offline":
                kind = ClassifierKind.Offline;
                return true;
            case "judge":
                kind = ClassifierKind.Judge;
                return true;
            case "cascade":
                kind = ClassifierKind.Cascade;
                return true;
        }

        const string Prefix = "keyword:";
        if (value is null || !value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        preset = KeywordPresets.All.FirstOrDefault(p => string.Equals(p.Name, value[Prefix.Length..], StringComparison.OrdinalIgnoreCase));
        return preset is not null;
    }
}

/// <summary>The bound classifier options; <see cref="KeywordPreset"/> is null for the default keyword set.</summary>
internal sealed record JudgeSettings(ClassifierKind Kind, Uri? JudgeEndpoint, string? JudgeModel, string JudgeApiKeyEnv, bool JudgeApiKeyEnvExplicit)
{
    public KeywordPatterns? KeywordPreset { get; init; }
}
