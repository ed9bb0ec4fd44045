using FluentAssertions;
using OrBench.TestSupport.OpenAi;
using OrBench.Tool.Tests.Infrastructure;
using Xunit;

namespace OrBench.Tool.Tests.Commands;

/// <summary><c>orbench run --prompts hard-1k</c> over the data directory: sampling, sharding and categories as the command line asks.</summary>
public sealed class OfficialSubsetTests
{
    [DataDirFact]
    public async Task A_sampled_hard_1k_run_is_deterministic_and_its_shards_partition_the_sample()
    {
        using var directory = new TempDirectory();
        await using var stub = await OpenAiStubServer.StartAsync();
        string[] common = ["run", "--endpoint", stub.Endpoint.ToString(), "--model", "stub-model", "--prompts", "hard-1k",
            "--data-dir", DataDirFactAttribute.Directory, "--sample", "20", "--seed", "7", "--classifier", "keyword"];

        var whole = await Orbench.InvokeInAsync(directory.Path, null, [.. common, "--out", "whole"]);
        var again = await Orbench.InvokeInAsync(directory.Path, null, [.. common, "--out", "again"]);
        var shard1 = await Orbench.InvokeInAsync(directory.Path, null, [.. common, "--shard", "1/2", "--out", "s1"]);
        var shard2 = await Orbench.InvokeInAsync(directory.Path, new Dictionary<string, string> { ["ORBENCH_SHARD"] = "2/2" }, [.. common, "--out", "s2"]);

        foreach (var outcome in new[] { whole, again, shard1, shard2 })
        {
            outcome.ExitCode.Should().Be(0, outcome.ToString());
        }

        var ids = Ids("whole");
        ids.Should().HaveCount(20).And.OnlyContain(id => id.StartsWith("h1k-", StringComparison.Ordinal));
        Ids("again").Should().Equal(ids, "the same seed selects the same prompts");
        Ids("s1").Should().NotIntersectWith(Ids("s2"));
        Ids("s1").Concat(Ids("s2")).Order(StringComparer.Ordinal).Should().Equal(ids, "the shards (one from --shard, one from ORBENCH_SHARD) cover the sample");

        var merged = await Orbench.InvokeInAsync(directory.Path, null, "report", "s1/results.json", "s2/results.json", "--out", "merged");
        merged.ExitCode.Should().Be(0, merged.ToString());
        OutputFiles.Results(directory.Combine("merged")).GetProperty("n").GetInt32().Should().Be(20, "report merges the shards of one run");

        List<string> Ids(string output) => [.. OutputFiles.Records(directory.Combine(output)).Select(r => r.GetProperty("id").GetString()!)];
    }
}
