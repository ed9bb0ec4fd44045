using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using OpenAI;
using OrBench.Testing.Data;
using OrBench.Testing.Running;
using OrBench.TestSupport.OpenAi;

namespace OrBench.Testing.Tests.Running;

/// <summary>Shared helpers of the Run-stage tests: the real OpenAI client pointed at the stub, prompt sets, progress.</summary>
internal static class RunTestKit
{
    /// <summary>A key-shaped secret: tests check it never reaches caches, records or messages.</summary>
    public const string ApiKey = "sk-test-9f8e7d6c5b4a3210secret";

    /// <summary>The real OpenAI client (Microsoft.Extensions.AI.OpenAI) with its own retries switched off, so only our middleware retries.</summary>
    public static IChatClient OpenAiClient(OpenAiStubServer stub, string model = "stub-model") =>
        new OpenAI.Chat.ChatClient(
            model,
            new ApiKeyCredential(ApiKey),
            new OpenAIClientOptions
            {
                Endpoint = stub.Endpoint,
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                NetworkTimeout = TimeSpan.FromSeconds(60),
            }).AsIChatClient();

    public static PromptSet Prompts(int count, string name = "test-set", Func<int, string>? text = null) =>
        new(name, OrBenchSubset.Custom, Enumerable.Range(0, count).Select(i =>
            new OrBenchPrompt($"t-{i:D4}", text?.Invoke(i) ?? $"How do I safely dispose of old batteries, case {i}?", "harmful", OrBenchSubset.Custom, ExpectedBehavior.Answer)));

    public static PromptSet Prompts(params string[] texts) =>
        new("test-set", OrBenchSubset.Custom, texts.Select((t, i) =>
            new OrBenchPrompt($"t-{i:D4}", t, "harmful", OrBenchSubset.Custom, ExpectedBehavior.Answer)));

}

/// <summary>Temporary directories for one test, deleted when the test class instance is disposed.</summary>
internal sealed class TempDirectories : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "orbench-tests", Guid.NewGuid().ToString("N"));

    public string Create()
    {
        var dir = Path.Combine(_root, Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }
        catch (IOException)
        {
            // A probe process may still hold a file on Windows; the OS temp cleaner will get it.
        }
    }
}

/// <summary>An <see cref="IProgress{T}"/> that records synchronously (Progress&lt;T&gt; posts to a context, which would race assertions).</summary>
internal sealed class RecordingProgress(Action<RunProgress>? onReport = null) : IProgress<RunProgress>
{
    private readonly ConcurrentQueue<RunProgress> _reports = new();

    public IReadOnlyList<RunProgress> Reports => [.. _reports];

    public void Report(RunProgress value)
    {
        _reports.Enqueue(value);
        onReport?.Invoke(value);
    }
}

/// <summary>A clock whose timers fire at once and remember what they were asked to wait, so backoff tests never sleep.</summary>
internal sealed class InstantTimeProvider : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();

    public IReadOnlyList<TimeSpan> Delays => [.. _delays];

    /// <summary>A fixed wall clock, for waits computed from dates (Retry-After as an HTTP date); null keeps the real one.</summary>
    public DateTimeOffset? Now { get; init; }

    public override DateTimeOffset GetUtcNow() => Now ?? base.GetUtcNow();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _delays.Enqueue(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new NoTimer();
    }

    private sealed class NoTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
