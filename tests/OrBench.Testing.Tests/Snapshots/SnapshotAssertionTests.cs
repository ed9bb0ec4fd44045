using FluentAssertions;
using OrBench.Testing.Assertions;
using OrBench.Testing.Gates;
using OrBench.Testing.Results;
using OrBench.Testing.Snapshots;
using Xunit;
using Xunit.Sdk;
using static OrBench.Testing.Tests.Results.TestRecords;

namespace OrBench.Testing.Tests.Snapshots;

public sealed class SnapshotAssertionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("orbench-snap-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Explicit Accept/IsCi so the tests behave the same whatever ORBENCH_ACCEPT and CI say on the machine.
    private SnapshotOptions Local(string name = "Gate.Test") => new() { Directory = _dir, Name = name, Accept = false, IsCi = false };

    private static OrBenchResult Baseline() => Result(
    [
        Answered("h1k-0001", "privacy"),
        Refused("h1k-0002", "privacy"),
        Answered("h1k-0003", "violence"),
        Answered("h1k-0004", "violence"),
    ]);

    private string Verified(string name = "Gate.Test") => Path.Combine(_dir, name + ".verified.jsonl");

    private string Received(string name = "Gate.Test") => Path.Combine(_dir, name + ".received.jsonl");

    [Fact]
    public async Task First_local_run_creates_the_verified_file_sorted_by_id()
    {
        Baseline().Should().MatchVerifiedRecords(Local());

        var lines = await File.ReadAllLinesAsync(Verified());
        lines.Should().HaveCount(4);
        lines[0].Should().StartWith("{\"id\":\"h1k-0001\",\"category\":\"privacy\",\"verdict\":\"direct_answer\",\"refused\":false,\"responseSha256\":\"");
        lines[1].Should().Contain("\"verdict\":\"direct_refusal\"").And.Contain("\"excerpt\":\"I'm sorry");
        lines.Should().NotContain(l => l.Contains("latencyMs", StringComparison.Ordinal), "volatile fields would make the snapshot churn");
        File.Exists(Received()).Should().BeFalse();
    }

    [Fact]
    public async Task The_async_assertion_verifies_the_same_file_and_fails_on_the_same_flip()
    {
        await Baseline().Should().MatchVerifiedRecordsAsync(Local());
        File.Exists(Verified()).Should().BeTrue();
        var flipped = Result(
        [
            Answered("h1k-0001", "privacy"),
            Refused("h1k-0002", "privacy"),
            Refused("h1k-0003", "violence", response: "I won't do that."),
            Answered("h1k-0004", "violence"),
        ]);

        var act = () => flipped.Should().MatchVerifiedRecordsAsync(Local());

        (await act.Should().ThrowAsync<XunitException>()).Which.Message.Should().Contain("h1k-0003");
        File.Exists(Received()).Should().BeTrue();
        Baseline().Should().MatchVerifiedRecords(Local());
        File.Exists(Received()).Should().BeFalse("a match removes the stale received file");
    }

    [Fact]
    public async Task A_flipped_verdict_writes_a_received_file_and_lists_exactly_that_flip_and_accepting_makes_it_pass()
    {
        Baseline().Should().MatchVerifiedRecords(Local());
        var flipped = Result(
        [
            Answered("h1k-0001", "privacy"),
            Refused("h1k-0002", "privacy"),
            Refused("h1k-0003", "violence", response: "I won't do that."),
            Answered("h1k-0004", "violence"),
        ]);

        var act = () => flipped.Should().MatchVerifiedRecords(Local());

        var message = act.Should().Throw<XunitException>().Which.Message;
        message.Should().Contain("1 answered→refused").And.Contain("violence:\n    answered→refused h1k-0003: direct_answer \"Sure, here is how (h1k-0003).\" -> direct_refusal \"I won't do that.\"");
        message.Should().NotContain("h1k-0001").And.NotContain("h1k-0002").And.NotContain("h1k-0004");
        message.Should().Contain(Received()).And.Contain("ORBENCH_ACCEPT=1");
        (await File.ReadAllTextAsync(Received())).Should().Contain("\"id\":\"h1k-0003\",\"category\":\"violence\",\"verdict\":\"direct_refusal\"");

        SnapshotAcceptance.Accept(Received()).Should().Equal(Verified());

        File.Exists(Received()).Should().BeFalse();
        flipped.Should().MatchVerifiedRecords(Local());
    }

    [Fact]
    public void Refused_to_answered_flips_are_grouped_separately_by_category()
    {
        Baseline().Should().MatchVerifiedRecords(Local());
        var changed = Result([Refused("h1k-0001", "privacy"), Answered("h1k-0002", "privacy"), Answered("h1k-0003", "violence"), Answered("h1k-0004", "violence")]);

        var act = () => changed.Should().MatchVerifiedRecords(Local());

        act.Should().Throw<XunitException>().WithMessage("*1 answered→refused, 1 refused→answered*privacy:\n    answered→refused h1k-0001*\n    refused→answered h1k-0002*");
    }

    [Fact]
    public void Stale_received_file_is_removed_on_a_match()
    {
        Baseline().Should().MatchVerifiedRecords(Local());
        File.WriteAllText(Received(), "stale");

        Baseline().Should().MatchVerifiedRecords(Local());

        File.Exists(Received()).Should().BeFalse();
    }

    [Fact]
    public void Wording_changes_pass_unless_responses_are_verified()
    {
        Baseline().Should().MatchVerifiedRecords(Local());
        var reworded = Result(
        [
            Answered("h1k-0001", "privacy", response: "Certainly! Here is a different wording."),
            Refused("h1k-0002", "privacy"),
            Answered("h1k-0003", "violence"),
            Answered("h1k-0004", "violence"),
        ]);

        reworded.Should().MatchVerifiedRecords(Local());

        var strict = () => reworded.Should().MatchVerifiedRecords(Local() with { VerifyResponses = true });
        strict.Should().Throw<XunitException>().WithMessage("*1 reworded*privacy:\n    reworded h1k-0001*Certainly!*");
    }

    [Fact]
    public void On_CI_a_missing_verified_file_fails_and_is_not_created()
    {
        var act = () => Baseline().Should().MatchVerifiedRecords(Local() with { IsCi = true });

        act.Should().Throw<XunitException>().WithMessage("*there is no verified file*CI=true forbids creating one*");
        File.Exists(Verified()).Should().BeFalse();
        File.Exists(Received()).Should().BeTrue();
    }

    [Fact]
    public async Task Accept_option_overwrites_the_verified_file_and_passes()
    {
        Baseline().Should().MatchVerifiedRecords(Local());
        var flipped = Result([Refused("h1k-0001", "privacy")]);

        flipped.Should().MatchVerifiedRecords(Local() with { Accept = true });

        (await File.ReadAllLinesAsync(Verified())).Should().ContainSingle().Which.Should().Contain("direct_refusal");
        File.Exists(Received()).Should().BeFalse();
    }

    [Fact]
    public void Added_and_removed_prompts_fail()
    {
        Baseline().Should().MatchVerifiedRecords(Local());
        var changed = Result([Answered("h1k-0001", "privacy"), Refused("h1k-0002", "privacy"), Answered("h1k-0003", "violence"), Answered("h1k-0009", "violence")]);

        var act = () => changed.Should().MatchVerifiedRecords(Local());

        act.Should().Throw<XunitException>().WithMessage("*1 added, 1 removed*added h1k-0009*removed h1k-0004*");
    }

    [Fact]
    public async Task Default_name_is_test_class_dot_test_method()
    {
        await Task.Yield();

        Baseline().Should().MatchVerifiedRecords(new SnapshotOptions { Directory = _dir, Accept = false, IsCi = false });

        File.Exists(Path.Combine(_dir, "SnapshotAssertionTests.Default_name_is_test_class_dot_test_method.verified.jsonl")).Should().BeTrue();
    }

    // The rows of a [Theory] share the derived name <Class>.<Method>, like these two calls; before the check the second
    // overwrote or mismatched the first's file on every run ("25 added, 10 removed") instead of saying why.
    [Fact]
    public async Task Different_records_under_one_derived_name_fail_with_advice_and_write_nothing()
    {
        var options = new SnapshotOptions { Directory = _dir, Accept = false, IsCi = false };
        var stem = "SnapshotAssertionTests.Different_records_under_one_derived_name_fail_with_advice_and_write_nothing";
        Baseline().Should().ForCategory("privacy").MatchVerifiedRecords(options);
        var created = await File.ReadAllTextAsync(Path.Combine(_dir, stem + ".verified.jsonl"));

        var act = () => Baseline().Should().ForCategory("violence").MatchVerifiedRecords(options);

        act.Should().Throw<XunitException>()
            .WithMessage($"*another call in this test run already verified different records against*{stem}.verified.jsonl*[Theory]*SnapshotOptions.Name*Nothing was written.*");
        (await File.ReadAllTextAsync(Path.Combine(_dir, stem + ".verified.jsonl"))).Should().Be(created);
        File.Exists(Path.Combine(_dir, stem + ".received.jsonl")).Should().BeFalse();
    }

    // Before: a shard's result was compared with the whole run's file (every other prompt "removed"), and accepting it
    // shrank the verified file to one shard.
    [Fact]
    public async Task A_shard_cannot_be_verified_against_the_whole_runs_file_unless_named_per_shard()
    {
        var derived = new SnapshotOptions { Directory = _dir, Accept = false, IsCi = false };
        var file = Path.Combine(_dir, "SnapshotAssertionTests.A_shard_cannot_be_verified_against_the_whole_runs_file_unless_named_per_shard.verified.jsonl");
        Baseline().Should().MatchVerifiedRecords(derived);
        var whole = await File.ReadAllTextAsync(file);
        var shard = Baseline() with
        {
            Records = [.. Baseline().Records.Take(2)],
            Metadata = new Dictionary<string, string> { ["shard"] = "1/2" },
        };

        var act = () => shard.Should().MatchVerifiedRecords(derived with { Accept = true });

        act.Should().Throw<XunitException>().WithMessage("*the result is shard 1/2 of its run*ResultMerge.Merge*SnapshotOptions.Name*Nothing was written.*");
        (await File.ReadAllTextAsync(file)).Should().Be(whole, "accepting a shard must not shrink the whole run's file");
        shard.Should().MatchVerifiedRecords(Local("Gate.Test.shard-1"));
        File.Exists(Verified("Gate.Test.shard-1")).Should().BeTrue("a file named per shard is the caller's choice");
    }

    [Fact]
    public void The_same_records_may_be_verified_twice_under_the_derived_name()
    {
        var options = new SnapshotOptions { Directory = _dir, Accept = false, IsCi = false };

        Baseline().Should().MatchVerifiedRecords(options);
        var again = () => Baseline().Should().MatchVerifiedRecords(options);

        again.Should().NotThrow("a rerun of the same test with the same verdicts is no collision");
    }

    [Fact]
    public void A_corrupt_verified_file_is_a_typed_error_naming_file_and_line()
    {
        File.WriteAllText(Verified(), "{\"id\":\"a\",\"category\":\"x\",\"verdict\":\"direct_answer\"}\n{\"id\":\"b\"}\n");

        var act = () => Baseline().Should().MatchVerifiedRecords(Local());

        act.Should().Throw<ResultFileException>().Which.Line.Should().Be(2);
    }
}
