using System.Diagnostics;
using System.Globalization;
using System.Text;
using FluentAssertions;
using Microsoft.Extensions.Caching.Distributed;
using OrBench.Testing.Middleware;
using OrBench.Testing.Tests.Running;
using Xunit;

namespace OrBench.Testing.Tests.Middleware;

public sealed class FileDistributedCacheTests : IDisposable
{
    private readonly TempDirectories _temp = new();

    private static readonly DistributedCacheEntryOptions NoExpiry = new();

    [Fact]
    public void Entries_round_trip_and_file_names_hide_the_key()
    {
        var cache = new FileDistributedCache(_temp.Create());

        cache.Set("secret-looking key", [1, 2, 3], NoExpiry);

        cache.Get("secret-looking key").Should().Equal(1, 2, 3);
        cache.Get("other").Should().BeNull();
        var file = Directory.GetFiles(cache.Directory, "*", SearchOption.AllDirectories).Should().ContainSingle().Subject;
        file.Should().NotContain("secret");
        Path.GetFileName(file).Should().MatchRegex("^[0-9a-f]{64}\\.entry$");
        cache.Remove("secret-looking key");
        cache.Get("secret-looking key").Should().BeNull();
    }

    [Fact]
    public void A_damaged_or_truncated_entry_reads_as_a_miss()
    {
        var cache = new FileDistributedCache(_temp.Create());
        cache.Set("k", Encoding.UTF8.GetBytes("a complete response"), NoExpiry);
        var path = cache.GetEntryPath("k");
        var bytes = File.ReadAllBytes(path);

        File.WriteAllBytes(path, bytes[..^3]);
        cache.Get("k").Should().BeNull();
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
        cache.Get("k").Should().BeNull();
    }

    [Fact]
    public async Task Two_processes_and_in_process_writers_on_the_same_keys_leave_no_corrupt_or_partial_entry()
    {
        const int count = 150;
        const int rounds = 3;
        var dir = _temp.Create();
        var probes = new[] { StartProbe(dir, count, "p1", rounds), StartProbe(dir, count, "p2", rounds) };
        try
        {
            foreach (var probe in probes)
            {
                (await probe.StandardOutput.ReadLineAsync()).Should().Be("ready");
            }

            foreach (var probe in probes)
            {
                await probe.StandardInput.WriteLineAsync("go");
                await probe.StandardInput.FlushAsync();
            }

            var local = Enumerable.Range(1, 2).Select(w => Task.Run(async () =>
            {
                var cache = new FileDistributedCache(dir);
                for (var round = 0; round < rounds; round++)
                {
                    for (var i = count - 1; i >= 0; i--)
                    {
                        var key = Key(i);
                        cache.Set(key, Payload(key, i, "t" + w), NoExpiry);
                        cache.Get(Key((i * 7) % count)).Should().Match<byte[]?>(v => v == null || IsValid(Key((i * 7) % count), (i * 7) % count, v));
                        if (i % 3 == 0)
                        {
                            await cache.SetAsync(key, Payload(key, i, "t" + w), NoExpiry);
                        }
                    }
                }

                await cache.FlushAsync();
            })).ToList();

            await Task.WhenAll(local);
            foreach (var probe in probes)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
                await probe.WaitForExitAsync(timeout.Token);
                probe.ExitCode.Should().Be(0, await probe.StandardError.ReadToEndAsync());
            }
        }
        finally
        {
            foreach (var probe in probes)
            {
                if (!probe.HasExited)
                {
                    probe.Kill();
                }

                probe.Dispose();
            }
        }

        var reader = new FileDistributedCache(dir);
        for (var i = 0; i < count; i++)
        {
            var value = reader.Get(Key(i));
            value.Should().NotBeNull($"entry {i} must exist and pass its checksum");
            IsValid(Key(i), i, value!).Should().BeTrue($"entry {i} must be one writer's complete value");
        }

        Directory.GetFiles(dir, "*.entry", SearchOption.AllDirectories).Should().HaveCount(count);
        Directory.GetFiles(dir, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty("no temporary file may be left behind");
    }

    [Fact]
    public async Task A_queued_entry_is_read_back_at_once_by_any_instance_and_is_on_disk_after_a_flush()
    {
        var dir = _temp.Create();
        var writer = new FileDistributedCache(dir);
        var payloads = Enumerable.Range(0, 300).Select(i => Payload(Key(i), i, "t1")).ToArray();

        for (var i = 0; i < payloads.Length; i++)
        {
            await writer.SetAsync(Key(i), payloads[i], NoExpiry);
            new FileDistributedCache(dir).Get(Key(i)).Should().Equal(payloads[i], "a write this process made is never missed, queued or not");
        }

        await writer.FlushAsync();

        Directory.GetFiles(dir, "*.entry", SearchOption.AllDirectories).Should().HaveCount(payloads.Length);
        Directory.GetFiles(dir, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty();
        for (var i = 0; i < payloads.Length; i++)
        {
            FileDistributedCache.TryReadEntry(writer.GetEntryPath(Key(i)), out var onDisk).Should().BeTrue();
            onDisk.Should().Equal(payloads[i]);
        }
    }

    [Fact]
    public async Task The_last_of_several_queued_writes_of_one_key_wins()
    {
        var cache = new FileDistributedCache(_temp.Create());
        for (var i = 0; i < 50; i++)
        {
            await cache.SetAsync("k", [(byte)i], NoExpiry);
        }

        await cache.FlushAsync();

        FileDistributedCache.TryReadEntry(cache.GetEntryPath("k"), out var onDisk).Should().BeTrue();
        onDisk.Should().Equal((byte)49);
    }

    [Fact]
    public async Task A_removed_entry_is_not_written_afterwards_by_a_queued_write()
    {
        var cache = new FileDistributedCache(_temp.Create());
        await cache.SetAsync("k", [1, 2, 3], NoExpiry);

        cache.Remove("k");
        await cache.FlushAsync();

        cache.Get("k").Should().BeNull();
        File.Exists(cache.GetEntryPath("k")).Should().BeFalse();
    }

    [Fact]
    public async Task A_background_write_that_fails_fails_the_flush_and_the_next_write_naming_the_directory()
    {
        var dir = _temp.Create();
        var cache = new FileDistributedCache(dir);
        var blocked = Path.GetDirectoryName(cache.GetEntryPath("k"))!;
        File.WriteAllText(blocked, "a file where the entry's folder belongs");

        await cache.SetAsync("k", [1], NoExpiry);
        var flush = () => cache.FlushAsync();

        (await flush.Should().ThrowAsync<IOException>()).Which.Message.Should().Contain(dir);
        var next = () => cache.SetAsync("other", [2], NoExpiry);
        await next.Should().ThrowAsync<IOException>();
    }

    private static string Key(int i) => "key-" + i.ToString(CultureInfo.InvariantCulture);

    // Mirrors OrBench.Probe's CacheWriteProbe.Payload: "key|writer|" + filler of a key-dependent letter and length.
    private static byte[] Payload(string key, int index, string writer) =>
        Encoding.UTF8.GetBytes($"{key}|{writer}|" + new string((char)('a' + (index % 26)), 1000 + (index * 997 % 60_000)));

    private static bool IsValid(string key, int index, byte[] value)
    {
        var text = Encoding.UTF8.GetString(value);
        var parts = text.Split('|');
        return parts.Length == 3 && parts[0] == key && parts[1] is "p1" or "p2" or "t1" or "t2" &&
               value.AsSpan().SequenceEqual(Payload(key, index, parts[1]));
    }

    private static Process StartProbe(string dir, int count, string writer, int rounds)
    {
        var probe = Path.Combine(AppContext.BaseDirectory, "OrBench.Probe.dll");
        File.Exists(probe).Should().BeTrue("the test project references OrBench.Probe, which is copied next to the tests");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { probe, "cache-write", dir, count.ToString(CultureInfo.InvariantCulture), writer, rounds.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    public void Dispose() => _temp.Dispose();
}
