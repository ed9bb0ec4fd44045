namespace OrBench.Testing.Classification.Cascading;

/// <summary>When the cascade escalates to its judge.</summary>
public sealed record CascadeOptions
{
    /// <summary>
    /// Responses whose first-stage confidence is below this go to the judge. Higher = more judge calls, closer to
    /// judge-only verdicts. The default 0.95 was chosen from the held-out calibration figures of the offline model
    /// (docs/classification.md, "Calibration and the cascade threshold"): at 0.9 more than 2 % of rows were wrong
    /// with confidence ≥ 0.9 on four of five validation splits.
    /// </summary>
    public double Threshold { get; init; } = 0.95;

    /// <summary>When the judge fails or its reply cannot be read, keep the first stage's verdict (noted in its rationale) instead of returning the judge's error/unparsed verdict.</summary>
    public bool FallBackOnJudgeFailure { get; init; } = true;
}
