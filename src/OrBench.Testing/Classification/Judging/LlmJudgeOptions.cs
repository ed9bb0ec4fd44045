namespace OrBench.Testing.Classification.Judging;

/// <summary>How the LLM judge is asked. Defaults follow the paper: temperature 0, one user message.</summary>
public sealed record LlmJudgeOptions
{
    /// <summary>The judge model id sent with each request; null uses the client's default model.</summary>
    public string? ModelId { get; init; }

    /// <summary>Sampling temperature; 0 makes verdicts repeatable and cacheable.</summary>
    public float Temperature { get; init; }

    /// <summary>Upper bound on the judge's reply length.</summary>
    public int MaxOutputTokens { get; init; } = 512;

    /// <summary>Confidence reported with a parsed judge verdict.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>How many characters of the judge's explanation are kept as the verdict's rationale.</summary>
    public int MaxRationaleLength { get; init; } = 500;
}
