using FluentAssertions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using OrBench.Testing.Middleware;
using OrBench.Testing.Running;
using OrBench.Testing.Tests.Running;
using OrBench.TestSupport.OpenAi;
using Xunit;

namespace OrBench.Testing.Tests.Middleware;

public sealed class ReplayAndCacheEdgeTests : IDisposable
{
    private readonly TempDirectories _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("What does the content_filter finish reason mean?")]
    [InlineData("Why was my post flagged as potentially violating the rules?")]
    public async Task A_replay_miss_for_a_prompt_that_mentions_filters_is_a_miss_not_a_recorded_block(string text)
    {
        await using var stub = await OpenAiStubServer.StartAsync();
        var dir = _temp.Create();
        var client = RunTestKit.OpenAiClient(stub).AsBuilder().UseResponseCache(new FileDistributedCache(dir), ResponseCacheMode.ReplayOnly).Build();

        var act = () => new PromptRunner(client).RunAsync(RunTestKit.Prompts(text));

        (await act.Should().ThrowAsync<ReplayMissException>()).Which.PromptIds.Should().Equal("t-0000");
        stub.Calls.Should().Be(0);
        Directory.EnumerateFiles(dir, "*.entry", SearchOption.AllDirectories).Should().BeEmpty("a miss must not be recorded as a blocked answer the next replay would serve");
    }

    [Fact]
    public async Task A_store_error_quoting_its_connection_string_does_not_repeat_the_password()
    {
        await using var stub = await OpenAiStubServer.StartAsync();
        var client = RunTestKit.OpenAiClient(stub).AsBuilder().UseResponseCache(new UnreachableStore()).Build();

        var act = () => new PromptRunner(client).RunAsync(RunTestKit.Prompts("q"));

        (await act.Should().ThrowAsync<ResponseCacheException>()).Which.Message
            .Should().Contain("failed to read").And.Contain("redis:6379").And.NotContain("hunter2-secret");
    }

    private sealed class UnreachableStore : IDistributedCache
    {
        public byte[]? Get(string key) => throw Down();

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => throw Down();

        public void Refresh(string key) => throw Down();

        public Task RefreshAsync(string key, CancellationToken token = default) => throw Down();

        public void Remove(string key) => throw Down();

        public Task RemoveAsync(string key, CancellationToken token = default) => throw Down();

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw Down();

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => throw Down();

        private static InvalidOperationException Down() => new("It was not possible to connect to the redis server(s) redis:6379,password=hunter2-secret,ssl=False");
    }
}
