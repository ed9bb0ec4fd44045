using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using FluentAssertions;
using OrBench.TestSupport.OpenAi;
using OrBench.Tool.Tests.Infrastructure;
using Xunit;

namespace OrBench.Tool.Tests.Commands;

/// <summary>
/// Reliability of the response cache as the tool uses it, across real processes: a run killed with SIGKILL resumes
/// without repeating any cached call, and a Redis cache recorded by one process is replayed by another.
/// </summary>
public sealed class ResumeAndSharedCacheTests
{
    private const int PromptCount = 60;

    [Fact]
    public async Task A_run_killed_mid_way_resumes_without_repeating_a_cached_call_and_leaves_no_partial_entry()
    {
        using var directory = new TempDirectory();
        var prompts = PromptFiles.Write(directory, PromptCount);
        await using var stub = await OpenAiStubServer.StartAsync(new OpenAiStubOptions { Latency = TimeSpan.FromMilliseconds(100) });
        string[] args = ["run", "--endpoint", stub.Endpoint.ToString(), "--model", "stub-model", "--prompts", prompts, "--classifier", "keyword",
            "--concurrency", "2", "--cache", "cache"];

        using (var first = Process.Start(OrbenchProcess.StartInfo(directory.Path, null, [.. args, "--out", "first"]))!)
        {
            _ = first.StandardOutput.ReadToEndAsync();
            _ = first.StandardError.ReadToEndAsync();
            await WaitUntilAsync(() => CacheEntries(directory).Count >= 10 || first.HasExited, TimeSpan.FromMinutes(1));
            first.HasExited.Should().BeFalse("the run must still be going when it is killed (60 prompts at 100 ms, 2 at a time)");
            first.Kill(); // SIGKILL on Unix: no handler, no cleanup.
            await first.WaitForExitAsync();
        }

        var entries = CacheEntries(directory);
        entries.Should().NotBeEmpty().And.HaveCountLessThan(PromptCount);
        foreach (var entry in entries)
        {
            IsCompleteEntry(entry).Should().BeTrue($"{entry} must be a whole entry: written to a temp file, then renamed");
        }

        File.Exists(directory.Combine("first", "results.json")).Should().BeFalse("the killed run wrote no results");
        stub.ResetCounters();

        var second = await OrbenchProcess.RunAsync(directory.Path, null, [.. args, "--out", "second"]);

        second.ExitCode.Should().Be(0, second.ToString());
        stub.Calls.Should().Be(PromptCount - entries.Count, "only the prompts without a cached response are sent again");
        OutputFiles.Records(directory.Combine("second")).Should().HaveCount(PromptCount);
        CacheEntries(directory).Should().HaveCount(PromptCount);
    }

    [RedisFact]
    public async Task A_run_recorded_through_redis_is_replayed_by_another_process_with_no_model_call()
    {
        using var directory = new TempDirectory();
        var prompts = PromptFiles.Write(directory, 9);
        await using var stub = await OpenAiStubServer.StartAsync();
        var model = "redis-" + Guid.NewGuid().ToString("N")[..12]; // a fresh key space: never a hit left by an earlier test run
        string[] args = ["run", "--endpoint", stub.Endpoint.ToString(), "--model", model, "--prompts", prompts, "--classifier", "keyword",
            "--cache", "redis://" + RedisFactAttribute.Server];

        var recorded = await OrbenchProcess.RunAsync(directory.Path, null, [.. args, "--out", "recorded"]);
        recorded.ExitCode.Should().Be(0, recorded.ToString());
        stub.Calls.Should().Be(9);
        stub.ResetCounters();

        var replayed = await OrbenchProcess.RunAsync(directory.Path, null, [.. args, "--replay-only", "--out", "replayed"]);

        replayed.ExitCode.Should().Be(0, replayed.ToString());
        stub.Calls.Should().Be(0, "every response comes from Redis");
        OutputFiles.Records(directory.Combine("replayed")).Select(r => r.GetProperty("response").GetString())
            .Should().Equal(OutputFiles.Records(directory.Combine("recorded")).Select(r => r.GetProperty("response").GetString()));
    }

    private static List<string> CacheEntries(TempDirectory directory)
    {
        var cache = directory.Combine("cache");
        return Directory.Exists(cache) ? [.. Directory.EnumerateFiles(cache, "*.entry", SearchOption.AllDirectories)] : [];
    }

    /// <summary>The file cache's entry layout: "OBC1", SHA-256 of the payload, the payload (the cached ChatResponse as JSON).</summary>
    private static bool IsCompleteEntry(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 36 || !bytes.AsSpan(0, 4).SequenceEqual("OBC1"u8) || !SHA256.HashData(bytes.AsSpan(36)).AsSpan().SequenceEqual(bytes.AsSpan(4, 32)))
        {
            return false;
        }

        using var json = JsonDocument.Parse(bytes.AsMemory(36));
        return json.RootElement.ValueKind == JsonValueKind.Object;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            clock.Elapsed.Should().BeLessThan(limit, "the condition should have been reached");
            await Task.Delay(20);
        }
    }
}
