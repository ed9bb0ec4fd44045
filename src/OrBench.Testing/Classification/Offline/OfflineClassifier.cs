namespace OrBench.Testing.Classification.Offline;

/// <summary>
/// The default classifier: a small trained model (<see cref="OfflineModel"/>) that needs no model call, reads the
/// whole response (speaker tags removed, every persona's part seen), classifies tens of thousands of responses per
/// second, and agrees with human labels better than keyword checks on models and styles it was not trained on
/// (held-out figures in docs/classification.md). Its confidence is the model's probability for the
/// answered-or-refused side it chose, which makes it the first stage of <see cref="Cascading.CascadeClassifier"/>.
/// Thread-safe.
/// </summary>
public sealed class OfflineClassifier : IRefusalClassifier
{
    /// <summary>Creates a classifier over <paramref name="model"/> (the shipped model when null).</summary>
    public OfflineClassifier(OfflineModel? model = null, string name = "offline")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Model = model ?? OfflineModel.Default;
        Name = name;
    }

    /// <summary>The weights in use.</summary>
    public OfflineModel Model { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public ValueTask<RefusalVerdict> ClassifyAsync(ClassificationInput input, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Classify(input));

    /// <summary>Synchronous form of <see cref="ClassifyAsync"/>, for bulk replay.</summary>
    public RefusalVerdict Classify(ClassificationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (OutcomeVerdicts.TryGetFixed(input, Name, out var fixedVerdict))
        {
            return fixedVerdict;
        }

        var scores = Model.Predict(input.Prompt, input.Response);
        return new RefusalVerdict(scores.Label, scores.Confidence, Name);
    }
}
