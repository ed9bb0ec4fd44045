using BenchmarkDotNet.Attributes;
using OrBench.Testing.Data;

namespace OrBench.Benchmarks.Data;

/// <summary>Stratified seeded sampling and sharding over an 80,000-prompt set (one SHA-256 per prompt).</summary>
[MemoryDiagnoser]
public class SamplingBenchmarks
{
    private PromptSet _set = null!;

    [GlobalSetup]
    public void Setup() =>
        _set = OrBenchDataset.ParseOfficialCsv(SyntheticOrBenchCsv.Create(80_000), "or-bench-80k.csv", OrBenchSubset.Full80K);

    [Benchmark]
    public int Sample_300_of_80k() => _set.Sample(300, seed: 7).Count;

    [Benchmark]
    public int Shard_3_of_8_of_80k() => _set.Shard(3, 8).Count;
}
