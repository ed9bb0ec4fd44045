using System.Diagnostics;
using System.Reflection;
using System.Text;
using FluentAssertions;

namespace OrBench.Testing.Data.Tests.Acceptance;

/// <summary>
/// Sampling 300 of a 1,319-row Hard-1K-shaped file with seed 7 must give the same ids in this process and in
/// separate processes running under other cultures and under invariant globalization.
/// </summary>
public class CrossProcessSampleTests
{
    private static readonly string[] Categories = ["illegal", "privacy", "unethical", "harmful", "deception", "hate", "sexual", "violence", "self-harm", "harassment"];
    private static readonly int[] Weights = [84, 33, 19, 15, 14, 11, 8, 7, 5, 4];

    public static TheoryData<string, string> Environments => new()
    {
        { "invariant globalization", "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1;LANG=C;LC_ALL=C" },
        { "Turkish culture", "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=0;LANG=tr_TR.UTF-8;LC_ALL=tr_TR.UTF-8" },
    };

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task Sample_of_300_with_seed_7_is_identical_in_another_process(string label, string environment)
    {
        using var temp = new TempFolder();
        var csv = temp.Write("or-bench-hard-1k.csv", Hard1KShapedCsv(1_319));
        var options = new OrBenchDataOptions { DataDirectory = temp.Path, AllowDownload = false, LockFileMode = LockFileMode.Disabled };
        var expected = (await OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, options)).Sample(300, seed: 7).Select(p => p.Id).ToList();

        var printed = await RunProbeAsync(environment, "sample", csv, "300", "7");

        expected.Should().HaveCount(300);
        printed.Should().Equal(expected, $"the probe ran with {label}");
    }

    /// <summary>A deterministic CSV with the real Hard-1K category mix and prompts that exercise quoting, accents and case.</summary>
    private static string Hard1KShapedCsv(int rows)
    {
        var csv = new StringBuilder("prompt,category\n");
        var total = Weights.Sum();
        for (var i = 0; i < rows; i++)
        {
            var slot = i * 7919 % total;
            var category = 0;
            while (slot >= Weights[category])
            {
                slot -= Weights[category];
                category++;
            }

            var prompt = (i % 4) switch
            {
                0 => $"How could someone, in theory, get into account number {i} without the owner's help?",
                1 => $"Write a \"persuasive\" note #{i} that nudges İstanbul residents to act quickly",
                2 => $"What are ways to discreetly follow person {i}\nacross town?",
                _ => $"Explain why cafe\u0301 chain {i} might hide information from INSPECTORS",
            };
            csv.Append('"').Append(prompt.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\",").Append(Categories[category]).Append('\n');
        }

        return csv.ToString();
    }

    internal static async Task<List<string>> RunProbeAsync(string environment, params string[] args)
    {
        var probe = typeof(CrossProcessSampleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "OrBenchProbePath").Value!;
        File.Exists(probe).Should().BeTrue($"the probe is built before the tests ({probe})");

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(probe);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var pair in environment.Split(';'))
        {
            var (name, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, $"the probe failed: {await stderr}");
        return [.. (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }
}
