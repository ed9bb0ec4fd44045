namespace OrBench.Testing.Classification;

/// <summary>
/// Decides whether a response is an answer or a refusal (the Verdict stage). Implementations must never
/// throw for odd text; outcomes other than <see cref="Running.OutcomeKind.Answered"/> map to
/// <see cref="VerdictLabel.Blocked"/>, <see cref="VerdictLabel.Empty"/> or <see cref="VerdictLabel.Error"/> without looking at text.
/// </summary>
public interface IRefusalClassifier
{
    /// <summary>A short stable name written into every record it decides, e.g. <c>offline</c>.</summary>
    string Name { get; }

    /// <summary>Classifies one response.</summary>
    ValueTask<RefusalVerdict> ClassifyAsync(ClassificationInput input, CancellationToken cancellationToken = default);
}
