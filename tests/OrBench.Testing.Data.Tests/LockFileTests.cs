using System.Security.Cryptography;
using System.Text.Json;
using FluentAssertions;

namespace OrBench.Testing.Data.Tests;

public class LockFileTests
{
    private const string Csv = "prompt,category\nhello world,illegal\n";

    [Fact]
    public async Task First_load_writes_the_lock_with_revision_size_and_sha256()
    {
        using var temp = new TempFolder();
        var data = temp.Write("d/or-bench-hard-1k.csv", Csv);
        var options = Options.Isolated(temp) with { DataDirectory = temp.Combine("d") };

        await OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, options);

        var bytes = await File.ReadAllBytesAsync(data);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(options.LockFile!));
        json.RootElement.GetProperty("revision").GetString().Should().Be(OrBenchDataOptions.PinnedRevision);
        var file = json.RootElement.GetProperty("files").EnumerateArray().Single();
        file.GetProperty("name").GetString().Should().Be("or-bench-hard-1k.csv");
        file.GetProperty("size").GetInt64().Should().Be(bytes.Length);
        file.GetProperty("sha256").GetString().Should().Be(Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task Changed_bytes_fail_with_both_hashes_and_the_paths()
    {
        using var temp = new TempFolder();
        var data = temp.Write("d/or-bench-hard-1k.csv", Csv);
        var options = Options.Isolated(temp) with { DataDirectory = temp.Combine("d") };
        await OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, options);
        var lockedHash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(data)));

        await File.WriteAllTextAsync(data, Csv + "one more,hate\n");
        var newHash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(data)));
        var act = () => OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, options);

        var error = (await act.Should().ThrowAsync<LockFileMismatchException>()).Which;
        error.Field.Should().Be("sha256");
        error.Expected.Should().Be(lockedHash);
        error.Actual.Should().Be(newHash);
        error.DataFilePath.Should().Be(data);
        error.Message.Should().Contain(lockedHash).And.Contain(newHash).And.Contain(data).And.Contain(options.LockFile!);
    }

    [Fact]
    public async Task A_local_file_that_does_not_load_is_not_locked_so_the_fixed_file_loads()
    {
        using var temp = new TempFolder();
        var data = temp.Write("d/or-bench-hard-1k.csv", "prompt;category\nhello world;illegal\n");
        var options = Options.Isolated(temp) with { DataDirectory = temp.Combine("d") };

        var act = () => OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, options);

        (await act.Should().ThrowAsync<PromptFileFormatException>()).Which.FilePath.Should().Be(data);
        File.Exists(options.LockFile).Should().BeFalse("bytes that do not load must not be pinned");

        await File.WriteAllTextAsync(data, Csv);
        var set = await OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, options);

        set.Should().ContainSingle().Which.Text.Should().Be("hello world");
    }

    [Fact]
    public async Task Unchanged_bytes_load_again_and_a_second_file_is_added()
    {
        using var temp = new TempFolder();
        temp.Write("d/or-bench-hard-1k.csv", Csv);
        temp.Write("d/or-bench-toxic.csv", "prompt,category\nbad thing,violence\n");
        var options = Options.Isolated(temp) with { DataDirectory = temp.Combine("d") };

        await OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, options);
        await OrBenchDataset.LoadAsync(OrBenchSubset.Toxic, options);
        var again = await OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, options);

        again.Should().HaveCount(1);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(options.LockFile!));
        json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString())
            .Should().Equal("or-bench-hard-1k.csv", "or-bench-toxic.csv");
    }

    [Fact]
    public async Task Another_revision_than_the_locked_one_fails()
    {
        using var temp = new TempFolder();
        temp.Write("d/or-bench-hard-1k.csv", Csv);
        var options = Options.Isolated(temp) with { DataDirectory = temp.Combine("d") };
        await OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, options);

        var act = () => OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, options with { Revision = "main" });

        var error = (await act.Should().ThrowAsync<LockFileMismatchException>()).Which;
        error.Field.Should().Be("revision");
        error.Message.Should().Contain(OrBenchDataOptions.PinnedRevision).And.Contain("main");
    }

    [Fact]
    public async Task Verify_only_fails_when_there_is_no_lock_and_writes_none()
    {
        using var temp = new TempFolder();
        temp.Write("d/or-bench-hard-1k.csv", Csv);
        var options = Options.Isolated(temp) with { DataDirectory = temp.Combine("d"), LockFileMode = LockFileMode.VerifyOnly };

        var act = () => OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, options);

        (await act.Should().ThrowAsync<LockFileMismatchException>()).Which.Field.Should().Be("entry");
        File.Exists(options.LockFile).Should().BeFalse();
    }

    [Fact]
    public async Task A_lock_file_that_cannot_be_written_fails_naming_it_and_the_ways_out()
    {
        using var temp = new TempFolder();
        temp.Write("d/or-bench-hard-1k.csv", Csv);
        var blocker = temp.Write("not-a-folder", "a file where the lock's folder should be");
        var options = Options.Isolated(temp) with { DataDirectory = temp.Combine("d"), LockFile = Path.Combine(blocker, "orbench.lock.json") };

        var act = () => OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, options);

        var error = (await act.Should().ThrowExactlyAsync<OrBenchDataException>()).Which;
        error.Message.Should().StartWith(options.LockFile).And.Contain("cannot write the OR-Bench lock file").And.Contain("ORBENCH_LOCK_FILE=off")
            .And.NotContain(".tmp", "the temp file is an implementation detail");
    }

    [Fact]
    public void The_marker_that_serialises_lock_updates_lives_in_a_folder_of_the_current_user()
    {
        // A shared /tmp/orbench-locks belongs to whoever created it first (mode 755); every other user then failed to load.
        var marker = LockFileMutex.PathFor("/any/orbench.lock.json");

        Path.GetFileName(Path.GetDirectoryName(marker)).Should().StartWith("orbench-locks-").And.EndWith(
            new string([.. Environment.UserName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]));
        Path.GetDirectoryName(Path.GetDirectoryName(marker)).Should().Be(Path.GetTempPath().TrimEnd(Path.DirectorySeparatorChar));
    }

    [Fact]
    public async Task Disabled_lock_is_neither_read_nor_written()
    {
        using var temp = new TempFolder();
        temp.Write("d/or-bench-hard-1k.csv", Csv);
        await File.WriteAllTextAsync(temp.Combine("orbench.lock.json"), "this is not json");
        var options = Options.Isolated(temp) with { DataDirectory = temp.Combine("d"), LockFileMode = LockFileMode.Disabled };

        var set = await OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, options);

        set.Should().HaveCount(1);
        (await File.ReadAllTextAsync(options.LockFile!)).Should().Be("this is not json");
    }

    [Fact]
    public async Task A_corrupt_lock_fails_and_is_not_overwritten()
    {
        using var temp = new TempFolder();
        temp.Write("d/or-bench-hard-1k.csv", Csv);
        await File.WriteAllTextAsync(temp.Combine("orbench.lock.json"), "{\"revision\": 5}");
        var options = Options.Isolated(temp) with { DataDirectory = temp.Combine("d") };

        var act = () => OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, options);

        (await act.Should().ThrowAsync<InvalidLockFileException>()).WithMessage("*orbench.lock.json*revision*");
        (await File.ReadAllTextAsync(options.LockFile!)).Should().Be("{\"revision\": 5}");
    }

    [Fact]
    public void Default_location_is_the_nearest_folder_with_a_csproj()
    {
        using var temp = new TempFolder();
        temp.Write("proj/My.Tests.csproj", "<Project />");
        Directory.CreateDirectory(temp.Combine("proj", "bin", "Debug", "net10.0"));
        var options = new OrBenchDataOptions { Environment = _ => null, WorkingDirectory = temp.Combine("proj", "bin", "Debug", "net10.0") };

        LockFileGuard.ResolvePath(options).Should().Be(temp.Combine("proj", "orbench.lock.json"));
    }

    [Fact]
    public void Environment_variable_sets_the_path_or_turns_locking_off()
    {
        using var temp = new TempFolder();
        var custom = temp.Combine("locks", "team.lock.json");

        LockFileGuard.ResolvePath(new OrBenchDataOptions { Environment = n => n == "ORBENCH_LOCK_FILE" ? custom : null }).Should().Be(custom);
        LockFileGuard.ResolvePath(new OrBenchDataOptions { Environment = n => n == "ORBENCH_LOCK_FILE" ? temp.Path : null }).Should().Be(temp.Combine("orbench.lock.json"));
        LockFileGuard.ResolvePath(new OrBenchDataOptions { Environment = n => n == "ORBENCH_LOCK_FILE" ? "off" : null }).Should().BeNull();
        LockFileGuard.ResolvePath(new OrBenchDataOptions { LockFile = custom, Environment = n => n == "ORBENCH_LOCK_FILE" ? "off" : null }).Should().Be(custom);
    }
}
