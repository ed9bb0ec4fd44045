using FluentAssertions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OrBench.Testing.Middleware;
using Xunit;

namespace OrBench.Testing.Tests.Middleware;

/// <summary>The faster cache key must still separate every request that could get a different answer.</summary>
public class ResponseCachingChatClientTests
{
    private static readonly IDistributedCache Store = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));

    private static List<ChatMessage> Ask(string text) => [new(ChatRole.User, text)];

    [Fact]
    public void The_same_request_gets_the_same_64_hex_digit_key_from_any_instance()
    {
        var first = new KeyProbe().Key(Ask("How do I pick a lock?"), new ChatOptions { Temperature = 0 });
        var second = new KeyProbe().Key(Ask("How do I pick a lock?"), new ChatOptions { Temperature = 0 });

        first.Should().Be(second).And.MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Every_part_of_the_request_is_in_the_key()
    {
        var probe = new KeyProbe();
        var baseline = probe.Key(Ask("prompt"), new ChatOptions { Temperature = 0, MaxOutputTokens = 1000 });

        string[] variants =
        [
            probe.Key(Ask("prompt."), new ChatOptions { Temperature = 0, MaxOutputTokens = 1000 }),
            probe.Key([new(ChatRole.System, "prompt")], new ChatOptions { Temperature = 0, MaxOutputTokens = 1000 }),
            probe.Key([new(ChatRole.System, "Be brief."), .. Ask("prompt")], new ChatOptions { Temperature = 0, MaxOutputTokens = 1000 }),
            probe.Key(Ask("prompt"), new ChatOptions { Temperature = 0.5f, MaxOutputTokens = 1000 }),
            probe.Key(Ask("prompt"), new ChatOptions { Temperature = 0, MaxOutputTokens = 999 }),
            probe.Key(Ask("prompt"), new ChatOptions { Temperature = 0, MaxOutputTokens = 1000, ModelId = "m" }),
            probe.Key(Ask("prompt"), new ChatOptions { Temperature = 0, MaxOutputTokens = 1000, StopSequences = ["\n"] }),
            probe.Key(Ask("prompt"), new ChatOptions { Temperature = 0, MaxOutputTokens = 1000, AdditionalProperties = new() { ["orbench.repeat"] = 1 } }),
            probe.Key(Ask("prompt"), null),
            probe.Key(Ask("prompt"), new ChatOptions { Temperature = 0, MaxOutputTokens = 1000 }, "extra"),
            new KeyProbe { CacheKeyAdditionalValues = ["orbench-response-cache-v2", "other-model"] }.Key(Ask("prompt"), new ChatOptions { Temperature = 0, MaxOutputTokens = 1000 }),
        ];

        variants.Should().NotContain(baseline).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void Keys_computed_on_many_threads_equal_keys_computed_on_one()
    {
        var probe = new KeyProbe();
        var prompts = Enumerable.Range(0, 2000).Select(i => new string('x', i % 300) + i).ToArray();
        var sequential = prompts.Select(p => probe.Key(Ask(p), new ChatOptions { Temperature = 0 })).ToArray();

        var parallel = new string[prompts.Length];
        Parallel.For(0, prompts.Length, i => parallel[i] = probe.Key(Ask(prompts[i]), new ChatOptions { Temperature = 0 }));

        parallel.Should().Equal(sequential);
    }

    [Fact]
    public void Keys_differ_from_the_base_class_scheme_so_old_entries_are_missed_not_misread()
    {
        var ours = new KeyProbe().Key(Ask("prompt"), new ChatOptions { Temperature = 0 });
        var theirs = new BaseKeyProbe().Key(Ask("prompt"), new ChatOptions { Temperature = 0 });

        ours.Should().NotBe(theirs);
        theirs.Length.Should().NotBe(ours.Length, "the base class uses SHA-384");
    }

    private sealed class KeyProbe() : ResponseCachingChatClient(new EmptyClient(), Store)
    {
        public string Key(IEnumerable<ChatMessage> messages, ChatOptions? options, params object?[] extra) => GetCacheKey(messages, options, extra);
    }

    private sealed class BaseKeyProbe() : DistributedCachingChatClient(new EmptyClient(), Store)
    {
        public string Key(IEnumerable<ChatMessage> messages, ChatOptions? options) => GetCacheKey(messages, options);
    }

    private sealed class EmptyClient : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
