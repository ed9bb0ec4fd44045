using FluentAssertions;
using OrBench.Tool.Tests.Infrastructure;
using Xunit;

namespace OrBench.Tool.Tests.Commands;

/// <summary>
/// Issue 15 row 12: <c>orbench accept</c> validates every received snapshot before it moves any, so a bad one leaves
/// every snapshot as it was. <c>A.received.jsonl</c> is valid and sorts first, so a half-done accept would have moved it.
/// </summary>
public sealed class AcceptValidationTests : IDisposable
{
    private const string Valid = "{\"id\":\"a\",\"category\":\"privacy\",\"verdict\":\"direct_refusal\"}\n";
    private const string OldVerified = "{\"id\":\"a\",\"category\":\"privacy\",\"verdict\":\"direct_answer\"}\n";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("empty", "", "holds no snapshot record")]
    [InlineData("blank lines only", "\n\n", "holds no snapshot record")]
    [InlineData("duplicate ids", "{\"id\":\"b\",\"category\":\"privacy\",\"verdict\":\"direct_answer\"}\n{\"id\":\"b\",\"category\":\"privacy\",\"verdict\":\"direct_refusal\"}\n", "line 2: record 'b' (repeat 0) is also on line 1")]
    [InlineData("negative repeat", "{\"id\":\"b\",\"repeat\":-3,\"category\":\"privacy\",\"verdict\":\"direct_answer\"}\n", "line 1: record 'b' has field 'repeat' -3")]
    [InlineData("answer marked refused", "{\"id\":\"b\",\"category\":\"privacy\",\"verdict\":\"direct_answer\",\"refused\":true}\n", "line 1: record 'b' has field 'refused' true but verdict 'direct_answer' is not a refusal")]
    [InlineData("non-hex hash", "{\"id\":\"b\",\"category\":\"privacy\",\"verdict\":\"direct_answer\",\"responseSha256\":\"not-a-hash\"}\n", "line 1: record 'b' has field 'responseSha256' 'not-a-hash'; it is 64 hexadecimal digits")]
    [InlineData("duplicate key", "{\"id\":\"b\",\"category\":\"privacy\",\"verdict\":\"direct_answer\",\"verdict\":\"direct_refusal\"}\n", "line 1: field 'verdict' is given twice")]
    [InlineData("null repeat", "{\"id\":\"b\",\"repeat\":null,\"category\":\"privacy\",\"verdict\":\"direct_answer\"}\n", "line 1: record 'b' has field 'repeat' null; it is a whole number from 0")]
    [InlineData("text repeat", "{\"id\":\"b\",\"repeat\":\"2\",\"category\":\"privacy\",\"verdict\":\"direct_answer\"}\n", "line 1: record 'b' has field 'repeat' \"2\"")]
    [InlineData("numeric id", "{\"id\":7,\"category\":\"privacy\",\"verdict\":\"direct_answer\"}\n", "line 1: a snapshot record needs field 'id' as a non-empty string, but it is 7")]
    public async Task A_bad_received_file_is_rejected_and_nothing_moves(string _, string content, string reason)
    {
        _directory.Write("snap/A.verified.jsonl", OldVerified);
        _directory.Write("snap/A.received.jsonl", Valid);
        _directory.Write("snap/B.received.jsonl", content);

        var outcome = await Orbench.InvokeInAsync(_directory.Path, null, "accept", "snap");

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        outcome.Error.Should().Contain("B.received.jsonl").And.Contain(reason).And.NotContain("System.", "errors name fields, not .NET types");
        AssertNothingMoved();
    }

    [Fact]
    public async Task A_directory_in_the_way_of_one_verified_file_is_rejected_and_nothing_moves()
    {
        _directory.Write("snap/A.verified.jsonl", OldVerified);
        _directory.Write("snap/A.received.jsonl", Valid);
        _directory.Write("snap/B.received.jsonl", Valid);
        Directory.CreateDirectory(_directory.Combine("snap", "B.verified.jsonl"));

        var outcome = await Orbench.InvokeInAsync(_directory.Path, null, "accept", "snap");

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        outcome.Error.Should().Contain("B.verified.jsonl").And.Contain("is a directory");
        AssertNothingMoved();
        Directory.Exists(_directory.Combine("snap", "B.verified.jsonl")).Should().BeTrue();
    }

    private void AssertNothingMoved()
    {
        File.ReadAllText(_directory.Combine("snap", "A.verified.jsonl")).Should().Be(OldVerified, "the valid snapshot must not be accepted alone");
        File.Exists(_directory.Combine("snap", "A.received.jsonl")).Should().BeTrue();
        File.Exists(_directory.Combine("snap", "B.received.jsonl")).Should().BeTrue();
    }
}
