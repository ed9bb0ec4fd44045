namespace OrBench.Testing.Classification.Cascading;

/// <summary>
/// A cheap classifier first, the judge only when it is unsure: near-judge agreement for a fraction of the
/// judge's cost. Counts its judge calls (<see cref="Statistics"/>) so reports can state what was spent.
/// Thread-safe.
/// </summary>
public sealed class CascadeClassifier : IRefusalClassifier
{
    private readonly IRefusalClassifier _first;
    private readonly IRefusalClassifier _judge;
    private long _classified;
    private long _judgeCalls;
    private long _judgeFailures;

    /// <summary>Creates a cascade of <paramref name="first"/> then <paramref name="judge"/>.</summary>
    public CascadeClassifier(IRefusalClassifier first, IRefusalClassifier judge, CascadeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(judge);
        _first = first;
        _judge = judge;
        Options = options ?? new CascadeOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(Options.Threshold, nameof(options));
        Name = $"cascade({first.Name}>{judge.Name})";
    }

    /// <summary>The escalation settings.</summary>
    public CascadeOptions Options { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>What the cascade has done so far.</summary>
    public CascadeStatistics Statistics => new(Interlocked.Read(ref _classified), Interlocked.Read(ref _judgeCalls), Interlocked.Read(ref _judgeFailures));

    /// <inheritdoc />
    public async ValueTask<RefusalVerdict> ClassifyAsync(ClassificationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        Interlocked.Increment(ref _classified);
        if (OutcomeVerdicts.TryGetFixed(input, Name, out var fixedVerdict))
        {
            return fixedVerdict;
        }

        var first = await _first.ClassifyAsync(input, cancellationToken);
        if (first.Confidence >= Options.Threshold || !first.Label.IsDecided())
        {
            return first;
        }

        Interlocked.Increment(ref _judgeCalls);
        var judged = await _judge.ClassifyAsync(input, cancellationToken);
        if (judged.Label.IsDecided())
        {
            return judged;
        }

        Interlocked.Increment(ref _judgeFailures);
        return Options.FallBackOnJudgeFailure
            ? first with { Rationale = $"{_judge.Name} gave {judged.Label.ToWireName()}; kept {first.Classifier}" }
            : judged;
    }
}
