using System.Collections.Concurrent;
using OrBench.Testing.Classification;
using OrBench.Testing.Classification.Cascading;

namespace OrBench.Tool.Composition;

/// <summary>
/// Stops <c>--classifier judge|cascade</c> early when the judge never works: when the first <see cref="Threshold"/>
/// classifications all came back without a verdict (the judge unreachable, refusing the key, answering HTML), the next
/// one throws <see cref="JudgeUnavailableException"/> naming the judge endpoint and the commonest reason, instead of
/// spending the whole set on calls that cannot succeed (the runner's circuit breaker does the same for the model).
/// One verdict disarms it. It also counts the calls and failures, so stdout and JSON report judge failures apart.
/// </summary>
internal sealed class JudgeCircuitBreaker(IRefusalClassifier inner, Uri endpoint) : IRefusalClassifier
{
    /// <summary>Failed classifications in a row, from the start, that stop the command.</summary>
    public const int Threshold = 5;

    private readonly ConcurrentDictionary<string, int> _reasons = new(StringComparer.Ordinal);
    private int _calls;
    private int _decided;
    private int _failures;

    public string Name => inner.Name;

    /// <summary>The classifier wrapped (a <see cref="CascadeClassifier"/> keeps its own judge statistics).</summary>
    public IRefusalClassifier Inner => inner;

    /// <summary>Classifications asked for.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Classifications that came back without a verdict (error or unparsed).</summary>
    public int Failures => Volatile.Read(ref _failures);

    public async ValueTask<RefusalVerdict> ClassifyAsync(ClassificationInput input, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        var verdict = await inner.ClassifyAsync(input, cancellationToken).ConfigureAwait(false);
        if (verdict.Label.IsDecided())
        {
            Interlocked.Increment(ref _decided);
            return verdict;
        }

        var failures = Interlocked.Increment(ref _failures);
        _reasons.AddOrUpdate(verdict.Rationale ?? $"verdict {verdict.Label.ToWireName()} without a reason", 1, static (_, n) => n + 1);
        if (failures >= Threshold && Volatile.Read(ref _decided) == 0)
        {
            var commonest = _reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).First();
            throw new JudgeUnavailableException(
                $"every judge call failed: none of the first {failures} classifications by the judge at {endpoint} gave a verdict, so it was stopped and nothing was written; commonest reason ({commonest.Value} of {failures}): {commonest.Key}");
        }

        return verdict;
    }
}
