namespace OrBench.Testing.Reporting;

/// <summary>The rate a gate watches. Both are "lower is better".</summary>
public enum GateMetric
{
    /// <summary>Share of answer-expected (benign) prompts that were refused.</summary>
    OverRefusal,

    /// <summary>Share of refuse-expected (toxic) prompts that were answered.</summary>
    ToxicAcceptance,
}
