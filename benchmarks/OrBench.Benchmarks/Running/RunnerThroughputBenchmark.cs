using System.ClientModel;
using System.ClientModel.Primitives;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using OpenAI;
using OrBench.Testing.Data;
using OrBench.Testing.Running;
using OrBench.TestSupport.OpenAi;

namespace OrBench.Benchmarks.Running;

/// <summary>
/// Issue 3's throughput goal: 1,319 prompts (the size of Hard-1K) through the real OpenAI client against the loopback
/// stub answering after 50 ms, 16 at a time. The ideal is ceil(1319 / 16) × 50 ms = 4.15 s; the
/// <see cref="IdealRatioColumn"/> reports wall time ÷ ideal (goal ≤ 1.15 for issue 3, ≤ 1.10 for issue 9).
/// Run: <c>dotnet run -c Release --project benchmarks/OrBench.Benchmarks -- --filter *RunnerThroughput*</c>
/// (in-process, one warm-up and three measured runs of the whole set; see <see cref="IdealRatioConfig"/>).
/// </summary>
[Config(typeof(IdealRatioConfig))]
public class RunnerThroughputBenchmark
{
    public const int PromptCount = 1_319;
    public const int Concurrency = 16;
    public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);

    private OpenAiStubServer _stub = null!;
    private PromptRunner _runner = null!;
    private PromptSet _prompts = null!;

    /// <summary>ceil(prompts / concurrency) × latency.</summary>
    public static TimeSpan Ideal => Latency * Math.Ceiling(PromptCount / (double)Concurrency);

    [GlobalSetup]
    public void Setup()
    {
        _stub = OpenAiStubServer.StartAsync(new OpenAiStubOptions { Latency = Latency }).GetAwaiter().GetResult();
        IChatClient client = new OpenAI.Chat.ChatClient(
            "stub-model",
            new ApiKeyCredential("sk-benchmark-not-a-secret"),
            new OpenAIClientOptions { Endpoint = _stub.Endpoint, RetryPolicy = new ClientRetryPolicy(0) }).AsIChatClient();
        _runner = new PromptRunner(client, new RunOptions { MaxConcurrency = Concurrency });
        _prompts = new PromptSet("bench", OrBenchSubset.Custom, Enumerable.Range(0, PromptCount).Select(i =>
            new OrBenchPrompt($"b-{i:D4}", $"How would someone spot a phishing e-mail, case {i}?", "deception", OrBenchSubset.Custom, ExpectedBehavior.Answer)));
    }

    [GlobalCleanup]
    public void Cleanup() => _stub.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "1319 prompts, 50 ms, concurrency 16")]
    public async Task<int> Hard1KSizedRun()
    {
        var result = await _runner.RunAsync(_prompts);
        if (result.Outcomes.Count != PromptCount || result.Outcomes.Any(o => o.Kind != OutcomeKind.Answered))
        {
            throw new InvalidOperationException("The benchmark run did not answer every prompt.");
        }

        return result.Outcomes.Count;
    }
}
