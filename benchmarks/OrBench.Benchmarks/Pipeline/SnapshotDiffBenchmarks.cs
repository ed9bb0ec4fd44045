using BenchmarkDotNet.Attributes;
using OrBench.Testing.Classification;
using OrBench.Testing.Snapshots;

namespace OrBench.Benchmarks.Pipeline;

/// <summary>
/// Snapshot comparison of 80,000 records against a verified set in which 1 % of verdicts flipped (800 changes to
/// find, sort and describe).
/// Run: <c>dotnet run -c Release --project benchmarks/OrBench.Benchmarks -- --filter '*Pipeline*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class SnapshotDiffBenchmarks
{
    private const int Count = 80_000;
    private SnapshotRecord[] _verified = [];
    private SnapshotRecord[] _received = [];

    [GlobalSetup]
    public void Setup()
    {
        _verified = Enumerable.Range(0, Count).Select(i => new SnapshotRecord
        {
            Id = $"p-{i:D5}",
            Category = $"cat-{i % 10}",
            Verdict = (i % 7 == 0 ? VerdictLabel.DirectRefusal : VerdictLabel.DirectAnswer).ToWireName(),
            Refused = i % 7 == 0,
            ResponseSha256 = $"{i:x64}",
        }).ToArray();
        _received = _verified.Select((r, i) => i % 100 == 3
            ? r with { Refused = !r.Refused, Verdict = (r.Refused ? VerdictLabel.DirectAnswer : VerdictLabel.DirectRefusal).ToWireName() }
            : r).Reverse().ToArray();
    }

    [Benchmark]
    public int Diff80k() => SnapshotDiff.Compute(_verified, _received, verifyResponses: true).Changes.Count;

    [Benchmark]
    public int Diff80kAndDescribe() => SnapshotDiff.Compute(_verified, _received, verifyResponses: true).Describe().Length;
}
