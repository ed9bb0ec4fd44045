using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using OrBench.Testing.Classification;
using OrBench.Testing.Classification.Keywords;
using OrBench.Testing.Classification.Offline;

namespace OrBench.Benchmarks.Classification;

/// <summary>
/// Throughput of the text classifiers on 80,000 synthetic responses of about 1 KB, one core. One operation
/// classifies the whole corpus; MB/s = <see cref="CorpusMegabytes"/> / mean time.
/// Run: <c>dotnet run -c Release --project benchmarks/OrBench.Benchmarks -- --filter '*ClassifierThroughput*'</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortInProcessConfig))]
public class ClassifierThroughputBenchmarks
{
    private string[] _responses = [];
    private KeywordClassifier _default = null!;
    private KeywordClassifier _gpt35 = null!;
    private KeywordClassifier _gpt4 = null!;
    private OfflineModel _offline = null!;

    /// <summary>UTF-8 size of the corpus in MB (10^6 bytes), printed at setup.</summary>
    public static double CorpusMegabytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _responses = SyntheticResponses.Create();
        CorpusMegabytes = _responses.Sum(r => (long)Encoding.UTF8.GetByteCount(r)) / 1e6;
        Console.WriteLine($"// corpus: {_responses.Length} responses, {CorpusMegabytes:F1} MB UTF-8");
        _default = KeywordClassifier.Default;
        _gpt35 = new KeywordClassifier(KeywordPresets.Gpt35);
        _gpt4 = new KeywordClassifier(KeywordPresets.Gpt4);
        _offline = OfflineModel.Default;
    }

    [Benchmark(Baseline = true)]
    public int KeywordDefault() => Count(_default);

    [Benchmark]
    public int KeywordGpt35WholeText() => Count(_gpt35);

    [Benchmark]
    public int KeywordGpt4() => Count(_gpt4);

    [Benchmark]
    public int Offline()
    {
        var refusals = 0;
        foreach (var response in _responses)
        {
            if (_offline.Predict(SyntheticResponses.Prompt, response).Label.IsRefusal())
            {
                refusals++;
            }
        }

        return refusals;
    }

    private int Count(KeywordClassifier classifier)
    {
        var refusals = 0;
        foreach (var response in _responses)
        {
            if (classifier.Classify(response).IsRefusal())
            {
                refusals++;
            }
        }

        return refusals;
    }

    /// <summary>In-process (the generated boilerplate project would inherit warnings-as-errors), 2 warm-ups, 5 measured corpus passes.</summary>
    private sealed class ShortInProcessConfig : ManualConfig
    {
        public ShortInProcessConfig() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(2).WithIterationCount(5)
                .WithInvocationCount(1).WithUnrollFactor(1).WithId("short-inprocess"));
    }
}
