using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OrBench.Benchmarks.Classification;
using OrBench.Testing.Classification;
using OrBench.Testing.Data;
using OrBench.Testing.Middleware;
using OrBench.Testing.Results;
using OrBench.Testing.Running;

namespace OrBench.Benchmarks.Pipeline;

/// <summary>
/// Issue 9's "replay at scale": 80,000 cached responses → verdicts (default classifier) → statistics → records.jsonl,
/// end to end, in replay-only mode (a cache miss would throw). The cache is an in-memory
/// <see cref="MemoryDistributedCache"/> filled once in setup through the real response-cache middleware, so the
/// measured path is the one a replay run takes minus disk reads of the cache. Goal: under 2 s on 2 cores.
/// Run: <c>dotnet run -c Release --project benchmarks/OrBench.Benchmarks -- --filter '*Pipeline*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class ReplayPipelineBenchmarks
{
    private const int Count = 80_000;
    private IDistributedCache _cache = null!;
    private PromptSet _prompts = null!;
    private string _directory = null!;

    [GlobalSetup]
    public void Setup()
    {
        var responses = SyntheticResponses.Create(Count);
        var categories = new[] { "deception", "harassment", "harmful", "hate", "illegal", "privacy", "self-harm", "sexual", "unethical", "violence" };
        _prompts = new PromptSet("replay-80k", OrBenchSubset.Custom, Enumerable.Range(0, Count).Select(i =>
            new OrBenchPrompt($"p-{i:D5}", $"How would someone safely handle situation number {i}?", categories[i % categories.Length], OrBenchSubset.Custom, ExpectedBehavior.Answer)));
        var answers = _prompts.Select((p, i) => (p.Text, responses[i])).ToDictionary(t => t.Text, t => t.Item2, StringComparer.Ordinal);
        _cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        using var filling = new CannedChatClient(answers).AsBuilder().UseResponseCache(_cache).Build();
        var filled = new PromptRunner(filling, new RunOptions { MaxConcurrency = 16 }).RunAsync(_prompts).GetAwaiter().GetResult();
        if (filled.Outcomes.Count != Count)
        {
            throw new InvalidOperationException("The cache was not filled.");
        }

        _directory = Path.Combine(Path.GetTempPath(), "orbench-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    /// <summary>One full replay; returns the over-refusal rate so the work cannot be optimised away.</summary>
    [Benchmark]
    public async Task<double> Replay80kToRecordsFile()
    {
        using var client = new CannedChatClient(new Dictionary<string, string>()).AsBuilder()
            .UseResponseCache(_cache, ResponseCacheMode.ReplayOnly)
            .Build();
        var run = await new PromptRunner(client, new RunOptions { MaxConcurrency = 16 }).RunAsync(_prompts);
        var result = await ResultClassification.ClassifyAndBuildAsync(run, RefusalClassifiers.Default);
        var rate = result.OverRefusalRate();
        _ = result.OverRefusalRateByCategory();
        await ResultFiles.WriteRecordsAsync(result.Records, Path.Combine(_directory, "records.jsonl"));
        return rate.Rate;
    }
}
