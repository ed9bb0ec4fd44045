namespace OrBench.Testing.Classification;

/// <summary>A classifier's verdict on one response.</summary>
/// <param name="Label">The class.</param>
/// <param name="Confidence">The classifier's confidence in <paramref name="Label"/>, 0 to 1; 1 for rule-based certainties such as <see cref="VerdictLabel.Blocked"/>.</param>
/// <param name="Classifier">Which classifier decided (e.g. <c>keyword:default</c>, <c>offline</c>, <c>judge:gpt-4o</c>), so records show where a verdict came from.</param>
/// <param name="Rationale">Optional short evidence: the matched pattern or the judge's explanation.</param>
public sealed record RefusalVerdict(VerdictLabel Label, double Confidence, string Classifier, string? Rationale = null)
{
    /// <summary>True when the verdict counts as a rejection in the paper's metric: direct or indirect refusal, blocked, or empty.</summary>
    public bool IsRefusal => Label.IsRefusal();
}
