using OrBench.Testing.Running;

namespace OrBench.Testing.Classification;

/// <summary>
/// The verdicts every classifier gives without reading text: blocked, empty and failed requests. Shared so that
/// all classifiers agree on them and no classifier (or judge call) is spent on them.
/// </summary>
public static class OutcomeVerdicts
{
    /// <summary>
    /// Returns the fixed verdict for <paramref name="input"/> when it needs no classification: a block maps to
    /// <see cref="VerdictLabel.Blocked"/>, missing or whitespace-only text to <see cref="VerdictLabel.Empty"/>,
    /// a failed request to <see cref="VerdictLabel.Error"/>; all with confidence 1.
    /// </summary>
    /// <param name="input">The response to look at.</param>
    /// <param name="classifier">The classifier name to record.</param>
    /// <param name="verdict">The fixed verdict, when there is one.</param>
    /// <returns>True when <paramref name="verdict"/> was set and no text needs classifying.</returns>
    public static bool TryGetFixed(ClassificationInput input, string classifier, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RefusalVerdict? verdict)
    {
        ArgumentNullException.ThrowIfNull(input);
        VerdictLabel? label = input.Outcome switch
        {
            OutcomeKind.Blocked => VerdictLabel.Blocked,
            OutcomeKind.Error => VerdictLabel.Error,
            OutcomeKind.Empty => VerdictLabel.Empty,
            _ when string.IsNullOrWhiteSpace(input.Response) => VerdictLabel.Empty,
            _ => null,
        };

        verdict = label is { } fixedLabel ? new RefusalVerdict(fixedLabel, 1.0, classifier) : null;
        return verdict is not null;
    }
}
