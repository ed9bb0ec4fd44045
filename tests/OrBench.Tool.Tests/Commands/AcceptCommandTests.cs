using FluentAssertions;
using OrBench.Tool.Tests.Infrastructure;
using Xunit;

namespace OrBench.Tool.Tests.Commands;

/// <summary><c>orbench accept</c> moves received snapshots over verified ones.</summary>
public sealed class AcceptCommandTests
{
    [Fact]
    public async Task Accept_moves_every_received_file_of_a_tree_over_its_verified_file()
    {
        using var directory = new TempDirectory();
        directory.Write("Gates/Safety.Hard1K.verified.jsonl", "{\"id\":\"a\",\"category\":\"privacy\",\"verdict\":\"direct_answer\"}\n");
        directory.Write("Gates/Safety.Hard1K.received.jsonl", "{\"id\":\"a\",\"category\":\"privacy\",\"verdict\":\"direct_refusal\"}\n");
        directory.Write("Gates/Nested/Safety.Toxic.received.jsonl", "{\"id\":\"b\",\"category\":\"privacy\",\"verdict\":\"blocked\"}\n");
        directory.Write("Gates/Untouched.verified.jsonl", "{\"id\":\"c\"}\n");

        var outcome = await Orbench.InvokeInAsync(directory.Path, null, "accept", "Gates");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        File.ReadAllText(directory.Combine("Gates", "Safety.Hard1K.verified.jsonl")).Should().Contain("direct_refusal");
        File.ReadAllText(directory.Combine("Gates", "Nested", "Safety.Toxic.verified.jsonl")).Should().Contain("blocked");
        File.ReadAllText(directory.Combine("Gates", "Untouched.verified.jsonl")).Should().Be("{\"id\":\"c\"}\n");
        Directory.EnumerateFiles(directory.Path, "*.received.jsonl", SearchOption.AllDirectories).Should().BeEmpty();
        outcome.Out.Should().Contain("2 snapshots accepted");
    }

    [Fact]
    public async Task Accept_does_not_follow_symbolic_links_in_the_tree()
    {
        using var directory = new TempDirectory();
        using var elsewhere = new TempDirectory();
        directory.Write("Gates/Safety.Hard1K.received.jsonl", "{\"id\":\"a\",\"category\":\"privacy\",\"verdict\":\"direct_answer\"}\n");
        elsewhere.Write("Other.received.jsonl", "{\"id\":\"x\",\"category\":\"privacy\",\"verdict\":\"direct_answer\"}\n");
        Directory.CreateSymbolicLink(directory.Combine("Gates", "up"), directory.Path);
        Directory.CreateSymbolicLink(directory.Combine("Gates", "out"), elsewhere.Path);

        var outcome = await Orbench.InvokeInAsync(directory.Path, null, "accept", "Gates");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.Out.Should().Contain("1 snapshot accepted", "a link back up the tree must not list the same file again");
        File.Exists(directory.Combine("Gates", "Safety.Hard1K.verified.jsonl")).Should().BeTrue();
        File.Exists(elsewhere.Combine("Other.received.jsonl")).Should().BeTrue("snapshots outside the tree are left alone");
    }

    [Fact]
    public async Task A_received_file_that_is_not_a_snapshot_fails_naming_file_and_line_and_accepts_nothing()
    {
        using var directory = new TempDirectory();
        directory.Write("Good.received.jsonl", "{\"id\":\"a\",\"category\":\"privacy\",\"verdict\":\"direct_answer\"}\n");
        directory.Write("Broken.received.jsonl", "{\"id\":\"b\",\"category\":\"privacy\",\"verdict\":\"direct_answer\"}\n{truncated\n");

        var outcome = await Orbench.InvokeInAsync(directory.Path, null, "accept");

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        outcome.Error.Should().Contain("Broken.received.jsonl").And.Contain("line 2");
        File.Exists(directory.Combine("Good.verified.jsonl")).Should().BeFalse("accepting is all or nothing");
        File.Exists(directory.Combine("Good.received.jsonl")).Should().BeTrue();
    }

    [Fact]
    public async Task Accept_defaults_to_the_current_directory_and_takes_a_single_file()
    {
        using var directory = new TempDirectory();
        directory.Write("One.received.jsonl", "{\"id\":\"new\",\"category\":\"privacy\",\"verdict\":\"direct_answer\"}\n");
        directory.Write("Two.received.jsonl", "{\"id\":\"other\",\"category\":\"privacy\",\"verdict\":\"direct_refusal\"}\n");

        var single = await Orbench.InvokeInAsync(directory.Path, null, "accept", "One.received.jsonl");
        single.ExitCode.Should().Be(0, single.ToString());
        File.ReadAllText(directory.Combine("One.verified.jsonl")).Should().Be("{\"id\":\"new\",\"category\":\"privacy\",\"verdict\":\"direct_answer\"}\n");
        File.Exists(directory.Combine("Two.received.jsonl")).Should().BeTrue("only the named file is accepted");

        var all = await Orbench.InvokeInAsync(directory.Path, null, "accept");
        all.ExitCode.Should().Be(0, all.ToString());
        File.ReadAllText(directory.Combine("Two.verified.jsonl")).Should().Be("{\"id\":\"other\",\"category\":\"privacy\",\"verdict\":\"direct_refusal\"}\n");
        all.Out.Should().Contain("1 snapshot accepted");
    }
}
