using System.Net;
using System.Text.Encodings.Web;
using FluentAssertions;
using OrBench.TestSupport.Hostile;
using OrBench.Tool.Tests.Infrastructure;
using Xunit;

namespace OrBench.Tool.Tests.Reliability;

/// <summary>
/// Issue 15 row 6: a server that echoes the caller's key — in a response header, in answers and in 401 error bodies —
/// never gets it written or printed, whatever the key looks like. A whole <c>orbench run</c> (with a cache and
/// <c>ORBENCH_DEBUG=1</c>, which prints full exceptions), <c>orbench report</c> and <c>orbench accept</c> run, then every file written and
/// every byte printed is searched for the key, raw and in its JSON, HTML and URL encodings.
/// </summary>
public sealed class SecretEchoTests
{
    public static TheoryData<string> Keys => new()
    {
        "sk-proj-Abc123Def456Ghi789Jkl012",
        "correct-horse-battery-staple-XYZZY",
        "0123456789abcdef",
        "c2VjcmV0K2tleS92YWx1ZT09YWJj+/Q==",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task An_echoed_key_of_any_shape_is_in_no_file_and_no_output(string key)
    {
        await using var hostile = await HostileRun.StartAsync(HostileMode.KeyEcho, prompts: 6);
        var environment = new Dictionary<string, string> { ["ORBENCH_API_KEY"] = key, ["ORBENCH_DEBUG"] = "1" };

        var run = await hostile.RunAsync(environment, "--out", "out", "--cache", "cache", "--concurrency", "1", "--retries", "0");
        var report = await hostile.InvokeAsync(environment, "report", Path.Combine("out", "results.json"), "--out", "report");
        var again = await hostile.RunAsync(environment, "--out", "again", "--cache", "cache", "--concurrency", "1", "--retries", "0", "--max-over-refusal", "0.01");

        // accept runs in a process of its own: in this one the run has registered the key already. Its snapshots are made
        // from the run's records (as MatchVerifiedRecords would); a hand-edited one quotes the key in a field it rejects.
        var snapshots = hostile.Directory.Combine("snapshots");
        Directory.CreateDirectory(snapshots);
        await File.WriteAllLinesAsync(Path.Combine(snapshots, "Run.received.jsonl"), OutputFiles.Records(hostile.Directory.Combine("out")).Select(Snapshot));
        await File.WriteAllTextAsync(Path.Combine(snapshots, "Edited.received.jsonl"), $"{{\"id\":\"x\",\"category\":\"privacy\",\"verdict\":\"{key}\"}}\n");
        var refused = await OrbenchProcess.RunAsync(hostile.Directory.Path, environment, "accept", "snapshots");
        File.Delete(Path.Combine(snapshots, "Edited.received.jsonl"));
        var accepted = await OrbenchProcess.RunAsync(hostile.Directory.Path, environment, "accept", "snapshots", "--format", "json");

        run.ExitCode.Should().Be(0, run.ToString());
        report.ExitCode.Should().Be(0, report.ToString());
        refused.ExitCode.Should().Be(1, refused.ToString());
        refused.Error.Should().Contain("unknown verdict '[REDACTED]'");
        accepted.ExitCode.Should().Be(0, accepted.ToString());
        File.Exists(Path.Combine(snapshots, "Run.verified.jsonl")).Should().BeTrue();
        hostile.Server.Calls.Should().BeGreaterThan(6, "the second run asks again for the prompts that failed with 401");
        var records = OutputFiles.Records(hostile.Directory.Combine("out"));
        records.Should().Contain(r => r.GetProperty("outcome").GetString() == "error", "half the calls echo the key in a 401 body");
        records.Should().Contain(r => r.GetProperty("outcome").GetString() == "answered", "half echo it in the answer");
        records.Select(r => r.TryGetProperty("response", out var response) ? response.GetString() : null)
            .Should().Contain(text => text != null && text.Contains("Your key is [REDACTED]", StringComparison.Ordinal));

        var forms = new[] { key, JavaScriptEncoder.Default.Encode(key), HtmlEncoder.Default.Encode(key), WebUtility.UrlEncode(key) }.Distinct().ToList();
        var written = Directory.EnumerateFiles(hostile.Directory.Path, "*", SearchOption.AllDirectories).ToList();
        written.Should().Contain(f => f.Contains(Path.DirectorySeparatorChar + "cache" + Path.DirectorySeparatorChar, StringComparison.Ordinal), "the cache is scanned too");
        foreach (var file in written)
        {
            var text = await File.ReadAllTextAsync(file);
            foreach (var form in forms)
            {
                text.Should().NotContain(form, $"{file} must not hold the key");
            }
        }

        foreach (var (name, printed) in new[] { ("run", run), ("report", report), ("second run", again), ("accept (refused)", refused), ("accept", accepted) })
        {
            foreach (var form in forms)
            {
                (printed.Out + printed.Error).Should().NotContain(form, $"what {name} printed must not hold the key");
            }
        }
    }

    private static string Snapshot(System.Text.Json.JsonElement record) => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = record.GetProperty("id").GetString(),
        ["category"] = record.GetProperty("category").GetString(),
        ["verdict"] = record.GetProperty("verdict").GetString(),
        ["excerpt"] = record.TryGetProperty("excerpt", out var excerpt) ? excerpt.GetString() : null,
    });
}
