using System.Text.Json;
using FluentAssertions;

namespace OrBench.Testing.Data.Tests.Acceptance;

/// <summary>Test processes loading different subsets at the same moment must all end up in one lock file.</summary>
public class LockFileConcurrencyTests
{
    [Fact]
    public async Task Processes_loading_different_subsets_at_once_all_record_their_file()
    {
        using var temp = new TempFolder();
        string[] files = [OrBenchFiles.Hard1K, OrBenchFiles.Toxic, OrBenchFiles.Full80K];
        foreach (var file in files)
        {
            temp.Write("d/" + file, $"prompt,category\nfirst prompt of {file},illegal\nsecond prompt of {file},privacy\n");
        }

        var lockFile = temp.Combine("orbench.lock.json");
        var environment = $"ORBENCH_LOCK_FILE={lockFile}";

        // Four processes per subset, all started before any finishes: without coordination the last writer wins
        // and entries written by the others are lost.
        var runs = files.SelectMany(file => Enumerable.Repeat(file, 4))
            .Select(file => CrossProcessSampleTests.RunProbeAsync(environment, "sample", temp.Combine("d/" + file), "1", "7"))
            .ToList();
        var printed = await Task.WhenAll(runs);

        printed.Should().OnlyContain(ids => ids.Count == 1, "every probe loaded its file and printed one sampled id");
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(lockFile));
        json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString())
            .Should().Equal(files.Order(StringComparer.Ordinal), "each subset's entry survives the others' writes");
    }

    [Fact]
    public async Task A_load_gives_up_with_a_typed_error_while_another_process_holds_the_lock_file()
    {
        using var temp = new TempFolder();
        var lockFile = temp.Combine("orbench.lock.json");
        var options = new OrBenchDataOptions { LockFile = lockFile };

        Directory.CreateDirectory(Path.GetDirectoryName(LockFileMutex.PathFor(lockFile))!);
        using (File.Open(LockFileMutex.PathFor(lockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var act = () => LockFileGuard.CheckAsync(options, OrBenchFiles.Hard1K, "data.csv", 10, new string('a', 64), CancellationToken.None, TimeSpan.FromMilliseconds(50));

            var error = (await act.Should().ThrowAsync<LockFileBusyException>()).Which;
            error.LockFilePath.Should().Be(lockFile);
            error.Message.Should().Contain(lockFile).And.Contain(LockFileMutex.PathFor(lockFile));
            File.Exists(lockFile).Should().BeFalse("nothing is written without the lock");
        }

        await LockFileGuard.CheckAsync(options, OrBenchFiles.Hard1K, "data.csv", 10, new string('a', 64), CancellationToken.None, TimeSpan.FromMilliseconds(50));
        File.Exists(lockFile).Should().BeTrue("once the other holder is gone the entry is written");
    }
}
