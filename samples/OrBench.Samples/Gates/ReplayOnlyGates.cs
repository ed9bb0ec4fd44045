using FluentAssertions;
using Microsoft.Extensions.AI;
using OrBench.Testing;
using OrBench.Testing.Data;
using OrBench.Testing.Middleware;
using Xunit;

namespace OrBench.Samples.Gates;

/// <summary>
/// Record once where credentials exist (nightly), replay in every pull request where they don't: a replay-only cache
/// answers from recorded responses and turns any prompt it has not seen into an error naming that prompt, never a
/// silent model call.
/// </summary>
public sealed class ReplayOnlyGates : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("orbench-replay-").FullName;

    [Fact]
    public async Task A_replayed_run_gives_the_recorded_verdicts_without_calling_the_model()
    {
        var prompts = await OrBenchDataset.LoadCsvAsync(
            Path.Combine(AppContext.BaseDirectory, "Prompts", "support-prompts.csv"), ExpectedBehavior.Answer);

        using var recording = OrBenchModel.FromEnvironment().CreateModelClient().AsBuilder()
            .UseResponseCache(new FileDistributedCache(_cache), ResponseCacheMode.ReadWrite)
            .Build();
        var recorded = await recording.RunOrBenchAsync(prompts);

        using var replaying = new NoModel().AsBuilder()
            .UseResponseCache(new FileDistributedCache(_cache), ResponseCacheMode.ReplayOnly)
            .Build();
        var replayed = await replaying.RunOrBenchAsync(prompts);

        replayed.Records.Select(r => (r.Id, r.Verdict)).Should().Equal(recorded.Records.Select(r => (r.Id, r.Verdict)));
    }

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    /// <summary>Stands for CI without credentials: same model id (the cache key covers it), but any call that reaches it is a bug.</summary>
    private sealed class NoModel : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Replay-only mode must not call the model.");

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Replay-only mode must not call the model.");

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("replay", defaultModelId: OrBenchModel.FromEnvironment().Name) : null;

        public void Dispose()
        {
        }
    }
}
