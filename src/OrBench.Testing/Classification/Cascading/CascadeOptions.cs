namespace OrBench.Testing.Classification.Cascading;

/// <summary>When the cascade escalates to its judge.</summary>
public sealed record CascadeOptions
{
    /// <summary>Responses whose first-stage confidence is below this go to the judge. Higher = more judge calls, closer to judge-only verdicts.</summary>
    public double Threshold { get; init; } = 0.9;

    /// <summary>When the judge fails or its reply cannot be read, keep the first stage's verdict (noted in its rationale) instead of returning the judge's error/unparsed verdict.</summary>
    public bool FallBackOnJudgeFailure { get; init; } = true;
}
