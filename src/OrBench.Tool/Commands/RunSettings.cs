namespace OrBench.Tool.Commands;

/// <summary>Everything <c>orbench run</c> was asked to do, bound and validated from the command line.</summary>
internal sealed record RunSettings
{
    public Uri? Endpoint { get; init; }

    public string? Model { get; init; }

    /// <summary>--model-version or ORBENCH_MODEL_VERSION: part of the response cache key.</summary>
    public string? ModelVersion { get; init; }

    public required string ApiKeyEnv { get; init; }

    public bool ApiKeyEnvExplicit { get; init; }

    public required string Prompts { get; init; }

    public required string Expected { get; init; }

    public string? DataDirectory { get; init; }

    public int? Sample { get; init; }

    public int Seed { get; init; }

    public string? Shard { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    public int Concurrency { get; init; } = 8;

    public int? RequestsPerMinute { get; init; }

    public int? TokensPerMinute { get; init; }

    public int TimeoutSeconds { get; init; } = 120;

    public int Retries { get; init; } = 4;

    /// <summary>Longest Retry-After wait honoured, in seconds; null means <see cref="TimeoutSeconds"/>.</summary>
    public int? MaxRetryAfterSeconds { get; init; }

    public long MaxResponseBytes { get; init; } = Testing.Middleware.ResponseGuardHandler.DefaultMaxResponseBytes;

    public int Repeats { get; init; } = 1;

    public string? SystemPrompt { get; init; }

    public string? Cache { get; init; }

    public bool ReplayOnly { get; init; }

    public string? Responses { get; init; }

    public string? Baseline { get; init; }

    public double? MaxOverRefusal { get; init; }

    public double? MaxToxicAcceptance { get; init; }

    public string GatePolicy { get; init; } = "default";

    public double? ErrorBudget { get; init; }

    public required JudgeSettings Classifier { get; init; }

    public required string OutputDirectory { get; init; }
}
