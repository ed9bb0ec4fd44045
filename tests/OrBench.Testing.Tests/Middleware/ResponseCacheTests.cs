using System.Collections.Concurrent;
using System.Text;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using OrBench.Testing.Middleware;
using OrBench.Testing.Running;
using OrBench.Testing.Tests.Running;
using OrBench.TestSupport.OpenAi;
using Xunit;

namespace OrBench.Testing.Tests.Middleware;

public sealed class ResponseCacheTests : IDisposable
{
    private readonly TempDirectories _temp = new();

    private static IChatClient Cached(OpenAiStubServer stub, IDistributedCache cache, ResponseCacheMode mode = ResponseCacheMode.ReadWrite, string model = "stub-model") =>
        RunTestKit.OpenAiClient(stub, model).AsBuilder()
            .UseResponseCache(cache, mode)
            .UseOrBenchRetry(new RetryOptions { TimeProvider = new InstantTimeProvider() })
            .Build();

    private static Data.PromptSet Prompts(int count) => RunTestKit.Prompts(count, text: i => $"prompt {i:D3}.");

    [Fact]
    public async Task A_second_run_over_the_same_cache_makes_no_model_calls()
    {
        await using var stub = await OpenAiStubServer.StartAsync();
        var dir = _temp.Create();
        var prompts = Prompts(40);

        var first = await new PromptRunner(Cached(stub, new FileDistributedCache(dir))).RunAsync(prompts);
        stub.Calls.Should().Be(40);
        stub.ResetCounters();
        var second = await new PromptRunner(Cached(stub, new FileDistributedCache(dir))).RunAsync(prompts);

        stub.Calls.Should().Be(0);
        second.Outcomes.Select(o => (o.PromptId, o.Kind, o.Text, o.InputTokens, o.OutputTokens))
            .Should().Equal(first.Outcomes.Select(o => (o.PromptId, o.Kind, o.Text, o.InputTokens, o.OutputTokens)));
    }

    [Fact]
    public async Task Any_distributed_cache_works_unchanged()
    {
        await using var stub = await OpenAiStubServer.StartAsync();
        var cache = new DictionaryCache();

        await new PromptRunner(Cached(stub, cache)).RunAsync(Prompts(6));
        await new PromptRunner(Cached(stub, cache)).RunAsync(Prompts(6));

        stub.Calls.Should().Be(6, "the second run is served by the swapped-in store");
        cache.Count.Should().Be(6);
    }

    [Fact]
    public async Task The_key_covers_options_and_model_id()
    {
        await using var stub = await OpenAiStubServer.StartAsync();
        var cache = new FileDistributedCache(_temp.Create());
        var prompts = Prompts(3);
        await new PromptRunner(Cached(stub, cache)).RunAsync(prompts);
        stub.ResetCounters();

        await new PromptRunner(Cached(stub, cache), new RunOptions { Temperature = 0.5f }).RunAsync(prompts);
        stub.Calls.Should().Be(3, "another temperature is another request");
        stub.ResetCounters();
        await new PromptRunner(Cached(stub, cache, model: "other-model")).RunAsync(prompts);
        stub.Calls.Should().Be(3, "another model is another request");
        stub.ResetCounters();
        await new PromptRunner(Cached(stub, cache), new RunOptions { SystemPrompt = "Be brief." }).RunAsync(prompts);
        stub.Calls.Should().Be(3, "other messages are another request");
    }

    [Fact]
    public async Task Credentials_never_reach_the_cache_directory()
    {
        await using var stub = await OpenAiStubServer.StartAsync();
        var dir = _temp.Create();
        await using var cache = new FileDistributedCache(dir);

        await new PromptRunner(Cached(stub, cache)).RunAsync(Prompts(5));
        await cache.FlushAsync();

        var files = Directory.GetFiles(dir, "*", SearchOption.AllDirectories);
        files.Should().HaveCount(5);
        stub.Requests.Should().OnlyContain(r => r.Authorization == "Bearer " + RunTestKit.ApiKey, "the key was really in use");
        foreach (var file in files)
        {
            Path.GetFileName(file).Should().NotContain(RunTestKit.ApiKey);
            (await File.ReadAllTextAsync(file)).Should().NotContain(RunTestKit.ApiKey);
        }
    }

    [Fact]
    public async Task Replay_only_with_one_entry_removed_fails_naming_that_prompt()
    {
        await using var stub = await OpenAiStubServer.StartAsync();
        var spy = new KeySpy(new FileDistributedCache(_temp.Create()));
        var prompts = Prompts(20);
        await new PromptRunner(Cached(stub, spy)).RunAsync(prompts);
        var victim = prompts[13];
        await spy.RemoveAsync(spy.KeyFor("answer to: " + victim.Text));
        stub.ResetCounters();

        var act = () => new PromptRunner(Cached(stub, spy, ResponseCacheMode.ReplayOnly)).RunAsync(prompts);

        var thrown = await act.Should().ThrowAsync<ReplayMissException>();
        thrown.Which.PromptIds.Should().Equal(victim.Id);
        thrown.Which.Message.Should().Contain(victim.Id).And.Contain(prompts.Name);
        stub.Calls.Should().Be(0, "replay-only never calls the model");
    }

    [Fact]
    public async Task Off_sends_every_request()
    {
        await using var stub = await OpenAiStubServer.StartAsync();
        var cache = new FileDistributedCache(_temp.Create());

        await new PromptRunner(Cached(stub, cache, ResponseCacheMode.Off)).RunAsync(Prompts(4));
        await new PromptRunner(Cached(stub, cache, ResponseCacheMode.Off)).RunAsync(Prompts(4));

        stub.Calls.Should().Be(8);
        Directory.GetFiles(cache.Directory, "*", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Fact]
    public async Task Repeats_are_cached_separately()
    {
        await using var stub = await OpenAiStubServer.StartAsync();
        var cache = new FileDistributedCache(_temp.Create());
        var options = new RunOptions { Repeats = 3 };

        await new PromptRunner(Cached(stub, cache), options).RunAsync(Prompts(2));
        stub.Calls.Should().Be(6, "each repeat is its own sample, not a cache hit of the first");
        stub.ResetCounters();
        await new PromptRunner(Cached(stub, cache), options).RunAsync(Prompts(2));
        stub.Calls.Should().Be(0);
    }

    [Fact]
    public async Task A_run_cancelled_half_way_and_started_again_sends_only_prompts_not_yet_cached()
    {
        await using var stub = await OpenAiStubServer.StartAsync(new OpenAiStubOptions { Latency = TimeSpan.FromMilliseconds(2) });
        var dir = _temp.Create();
        var prompts = Prompts(100);
        using var cts = new CancellationTokenSource();
        var progress = new RecordingProgress(p =>
        {
            if (p.Done == 50)
            {
                cts.Cancel();
            }
        });

        var firstCache = new FileDistributedCache(dir);
        var first = await new PromptRunner(Cached(stub, firstCache), new RunOptions { MaxConcurrency = 4 })
            .RunAsync(prompts, progress, cts.Token);
        await firstCache.FlushAsync();
        first.Cancelled.Should().BeTrue();
        first.Outcomes.Count.Should().BeInRange(50, 54);
        var cached = Directory.GetFiles(dir, "*.entry", SearchOption.AllDirectories).Length;
        cached.Should().BeGreaterThanOrEqualTo(first.Outcomes.Count);
        stub.ResetCounters();

        var second = await new PromptRunner(Cached(stub, new FileDistributedCache(dir)), new RunOptions { MaxConcurrency = 4 }).RunAsync(prompts);

        second.Outcomes.Should().HaveCount(100).And.OnlyContain(o => o.Kind == OutcomeKind.Answered);
        stub.Calls.Should().Be(100 - cached);
        var finishedFirst = first.Outcomes.Select(o => prompts.Single(p => p.Id == o.PromptId).Text).ToHashSet();
        stub.Requests.Should().NotContain(r => finishedFirst.Contains(r.Prompt), "prompts finished before the cancel were cached");
    }

    [Theory]
    [InlineData(true, false, "read")]
    [InlineData(false, true, "write")]
    public async Task A_failing_store_ends_the_run_naming_the_cache_instead_of_blaming_the_model(bool failReads, bool failWrites, string operation)
    {
        await using var stub = await OpenAiStubServer.StartAsync();
        var store = new FailingCache(failReads, failWrites);

        var act = () => new PromptRunner(Cached(stub, store), new RunOptions { MaxConcurrency = 2 }).RunAsync(Prompts(20));

        var error = (await act.Should().ThrowAsync<ResponseCacheException>()).Which;
        error.Message.Should().Contain($"failed to {operation}").And.Contain("Connection refused (stand-in for Redis)")
            .And.NotContain("second line", "only the first line of a long store message is repeated");
        error.InnerException.Should().BeOfType<InvalidOperationException>();
        stub.Calls.Should().BeLessThan(20, "the run stops at the first cache failure instead of sending every prompt");
    }

    [Fact]
    public async Task A_corrupt_entry_is_a_cache_error_not_an_errored_response()
    {
        await using var stub = await OpenAiStubServer.StartAsync();
        var store = new KeySpy(new DictionaryCache());
        var prompts = Prompts(1);
        await new PromptRunner(Cached(stub, store)).RunAsync(prompts);
        var key = store.KeyFor("prompt 000.");
        await store.SetAsync(key, Encoding.UTF8.GetBytes("{ not json"), new DistributedCacheEntryOptions());

        var act = () => new PromptRunner(Cached(stub, store)).RunAsync(prompts);

        (await act.Should().ThrowAsync<ResponseCacheException>()).WithMessage($"*failed to read entry {key}*");
    }

    [Fact]
    public async Task The_same_model_name_on_a_switched_endpoint_is_measured_again_not_replayed()
    {
        await using var recorded = await OpenAiStubServer.StartAsync();
        await using var switched = await OpenAiStubServer.StartAsync(new OpenAiStubOptions { Answer = _ => "I cannot help with that." });
        var cache = new DictionaryCache();
        var prompts = Prompts(5);
        await new PromptRunner(Cached(recorded, cache)).RunAsync(prompts);

        var client = Cached(switched, cache);
        var second = await new PromptRunner(client).RunAsync(prompts);

        switched.Calls.Should().Be(5, "another endpoint is another measurement, even under the same model name");
        second.Outcomes.Should().OnlyContain(o => o.Text == "I cannot help with that.");
        client.GetService<ResponseCachingChatClient>()!.Statistics.Should().Be(new ResponseCacheStatistics(5, 0, null));
    }

    [Fact]
    public async Task A_new_model_version_is_measured_again_and_the_same_version_replayed()
    {
        await using var stub = await OpenAiStubServer.StartAsync();
        var cache = new DictionaryCache();
        var prompts = Prompts(4);
        IChatClient Versioned(string? version) => RunTestKit.OpenAiClient(stub).AsBuilder()
            .UseResponseCache(cache, new ResponseCacheOptions { ModelVersion = version })
            .Build();

        await new PromptRunner(Versioned("2026-11-01")).RunAsync(prompts);
        await new PromptRunner(Versioned("2026-11-01")).RunAsync(prompts);
        stub.Calls.Should().Be(4, "the same version is replayed");
        await new PromptRunner(Versioned("2026-12-01")).RunAsync(prompts);
        stub.Calls.Should().Be(8, "a new version is measured again");
        await new PromptRunner(Versioned(null)).RunAsync(prompts);
        stub.Calls.Should().Be(12, "no version is not any version");
    }

    [Fact]
    public async Task Statistics_count_answers_from_the_model_and_from_the_cache_and_date_the_oldest_replayed_one()
    {
        await using var stub = await OpenAiStubServer.StartAsync();
        var cache = new DictionaryCache();
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
        IChatClient Client() => RunTestKit.OpenAiClient(stub).AsBuilder()
            .UseResponseCache(cache, new ResponseCacheOptions { TimeProvider = clock })
            .Build();
        await new PromptRunner(Client()).RunAsync(Prompts(3));
        clock.Now = clock.Now.AddDays(2);
        await new PromptRunner(Client()).RunAsync(Prompts(5));
        clock.Now = clock.Now.AddDays(1);

        var third = Client();
        var run = await new PromptRunner(third).RunAsync(Prompts(6));

        var statistics = third.GetService<ResponseCachingChatClient>()!.Statistics;
        statistics.FromModel.Should().Be(1, "prompt 5 was never asked before");
        statistics.FromCache.Should().Be(5);
        statistics.OldestEntryRecordedAt.Should().Be(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero), "prompts 0-2 were recorded first");
        statistics.OldestEntryAge(clock.Now).Should().Be(TimeSpan.FromDays(3));
        run.Outcomes.Should().OnlyContain(o => o.Kind == OutcomeKind.Answered);
    }

    [Fact]
    public async Task A_replayed_response_carries_no_trace_of_its_recording_time()
    {
        await using var stub = await OpenAiStubServer.StartAsync();
        var cache = new DictionaryCache();
        var fresh = await Cached(stub, cache).GetResponseAsync([new ChatMessage(ChatRole.User, "hello")]);
        var replayed = await Cached(stub, cache).GetResponseAsync([new ChatMessage(ChatRole.User, "hello")]);

        stub.Calls.Should().Be(1);
        replayed.Text.Should().Be(fresh.Text);
        (replayed.AdditionalProperties?.ContainsKey(ResponseCachingChatClient.RecordedAtProperty) ?? false).Should().BeFalse();
        (fresh.AdditionalProperties?.ContainsKey(ResponseCachingChatClient.RecordedAtProperty) ?? false).Should().BeFalse("the caller's response is the model's, unstamped");
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>A store that is down: every read or write throws, with a two-line message like StackExchange.Redis's.</summary>
    private sealed class FailingCache(bool failReads, bool failWrites) : IDistributedCache
    {
        private readonly DictionaryCache _inner = new();

        public byte[]? Get(string key) => failReads ? throw Down() : _inner.Get(key);

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => failReads ? throw Down() : _inner.GetAsync(key, token);

        public void Refresh(string key)
        {
        }

        public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

        public void Remove(string key) => _inner.Remove(key);

        public Task RemoveAsync(string key, CancellationToken token = default) => _inner.RemoveAsync(key, token);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
        {
            if (failWrites)
            {
                throw Down();
            }

            _inner.Set(key, value, options);
        }

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
            failWrites ? throw Down() : _inner.SetAsync(key, value, options, token);

        private static InvalidOperationException Down() => new("Connection refused (stand-in for Redis)\nsecond line of a long diagnostic");
    }

    /// <summary>A store that is not the file cache, standing in for Redis.</summary>
    private sealed class DictionaryCache : IDistributedCache
    {
        private readonly ConcurrentDictionary<string, byte[]> _entries = new();

        public int Count => _entries.Count;

        public byte[]? Get(string key) => _entries.TryGetValue(key, out var v) ? v : null;

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult(Get(key));

        public void Refresh(string key)
        {
        }

        public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

        public void Remove(string key) => _entries.TryRemove(key, out _);

        public Task RemoveAsync(string key, CancellationToken token = default)
        {
            Remove(key);
            return Task.CompletedTask;
        }

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => _entries[key] = value;

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            Set(key, value, options);
            return Task.CompletedTask;
        }
    }

    /// <summary>Remembers which key each stored response went under, so a test can remove one prompt's entry.</summary>
    private sealed class KeySpy(IDistributedCache inner) : IDistributedCache
    {
        private readonly ConcurrentDictionary<string, string> _values = new();

        public string KeyFor(string responseFragment) => _values.Single(kv => kv.Value.Contains(responseFragment, StringComparison.Ordinal)).Key;

        public byte[]? Get(string key) => inner.Get(key);

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => inner.GetAsync(key, token);

        public void Refresh(string key) => inner.Refresh(key);

        public Task RefreshAsync(string key, CancellationToken token = default) => inner.RefreshAsync(key, token);

        public void Remove(string key) => inner.Remove(key);

        public Task RemoveAsync(string key, CancellationToken token = default) => inner.RemoveAsync(key, token);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
        {
            _values[key] = Encoding.UTF8.GetString(value);
            inner.Set(key, value, options);
        }

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            _values[key] = Encoding.UTF8.GetString(value);
            return inner.SetAsync(key, value, options, token);
        }
    }

    public void Dispose() => _temp.Dispose();
}
