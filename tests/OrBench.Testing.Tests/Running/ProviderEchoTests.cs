using System.Net;
using FluentAssertions;
using Microsoft.Extensions.AI;
using OrBench.Testing.Middleware;
using OrBench.Testing.Running;
using Xunit;

namespace OrBench.Testing.Tests.Running;

/// <summary>Providers echo the key they rejected; the echo must not reach an outcome or a cache entry.</summary>
public sealed class ProviderEchoTests : IDisposable
{
    private readonly TempDirectories _dirs = new();

    public void Dispose() => _dirs.Dispose();

    [Theory]
    [InlineData("gsk_abcdefABCDEF0123456789xyzGROQ")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("local-gateway-secret")]
    public async Task A_key_echoed_in_a_401_body_is_not_in_the_error_outcome(string key)
    {
        var http = new ScriptedHttp(_ => ScriptedHttp.Json(
            HttpStatusCode.Unauthorized,
            "{\"error\":{\"message\":\"Incorrect API key provided: " + key + ". You can find your API key at https://example.invalid/keys.\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));
        var cache = new FileDistributedCache(_dirs.Create());
        var client = http.Client(key).AsBuilder().UseResponseCache(cache).UseOrBenchRetry(new RetryOptions { TimeProvider = new InstantTimeProvider() }).Build();

        var outcome = (await new PromptRunner(client).RunAsync(RunTestKit.Prompts("q"))).Outcomes.Single();

        outcome.Kind.Should().Be(OutcomeKind.Error);
        outcome.Error.Should().Contain("401").And.Contain(Secrets.Redacted).And.NotContain(key);
        http.Calls.Should().Be(1, "a 401 is not transient");
        await cache.FlushAsync();
        Directory.EnumerateFiles(cache.Directory, "*", SearchOption.AllDirectories).Should().BeEmpty("errors are not cached");
    }

    [Fact]
    public async Task A_key_echoed_in_a_content_filter_error_is_in_neither_the_outcome_nor_the_cache_entry()
    {
        const string key = "0123456789abcdef0123456789abcdef";
        var http = new ScriptedHttp(_ => ScriptedHttp.Json(
            HttpStatusCode.BadRequest,
            "{\"error\":{\"message\":\"The response was filtered (request key " + key + ")\",\"code\":\"content_filter\",\"status\":400,\"innererror\":{\"code\":\"ResponsibleAIPolicyViolation\"}}}"));
        var dir = _dirs.Create();
        var cache = new FileDistributedCache(dir);
        var client = http.Client(key).AsBuilder().UseResponseCache(cache).Build();

        var outcome = (await new PromptRunner(client).RunAsync(RunTestKit.Prompts("q"))).Outcomes.Single();
        await cache.FlushAsync();

        outcome.Kind.Should().Be(OutcomeKind.Blocked);
        outcome.Error.Should().NotContain(key);
        var entries = Directory.EnumerateFiles(dir, "*.entry", SearchOption.AllDirectories).ToList();
        entries.Should().ContainSingle("the blocked response is recorded for replay");
        System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(entries[0])).Should().NotContain(key).And.Contain(Secrets.Redacted);
    }
}
