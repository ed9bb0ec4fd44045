using FluentAssertions;
using OrBench.Testing.Results;
using OrBench.Testing.Snapshots;
using Xunit;

namespace OrBench.Testing.Tests.Snapshots;

public sealed class SnapshotAcceptanceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("orbench-accept-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Line(string id, string verdict = "direct_answer") =>
        $"{{\"id\":\"{id}\",\"category\":\"privacy\",\"verdict\":\"{verdict}\",\"refused\":false}}\n";

    private string Write(string relative, string content)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Accepting_a_directory_moves_every_received_file_over_its_verified_file_except_build_output()
    {
        Write("A.T1.verified.jsonl", Line("old"));
        Write("A.T1.received.jsonl", Line("new1"));
        Write("sub/B.T2.received.jsonl", Line("new2"));
        Write("bin/Debug/C.T3.received.jsonl", "copied build output");

        var accepted = SnapshotAcceptance.Accept(_dir);

        accepted.Select(p => Path.GetRelativePath(_dir, p)).Should().Equal("A.T1.verified.jsonl", Path.Combine("sub", "B.T2.verified.jsonl"));
        File.ReadAllText(Path.Combine(_dir, "A.T1.verified.jsonl")).Should().Be(Line("new1"));
        File.ReadAllText(Path.Combine(_dir, "sub", "B.T2.verified.jsonl")).Should().Be(Line("new2"));
        File.Exists(Path.Combine(_dir, "A.T1.received.jsonl")).Should().BeFalse();
        File.Exists(Path.Combine(_dir, "bin", "Debug", "C.T3.received.jsonl")).Should().BeTrue();
    }

    [Fact]
    public void Accepting_a_verified_file_takes_its_received_sibling()
    {
        var verified = Write("A.T1.verified.jsonl", Line("old"));
        Write("A.T1.received.jsonl", Line("new"));

        SnapshotAcceptance.Accept(verified).Should().Equal(verified);

        File.ReadAllText(verified).Should().Be(Line("new"));
    }

    [Fact]
    public void A_received_file_that_does_not_parse_is_named_and_nothing_is_accepted()
    {
        Write("A.T1.verified.jsonl", Line("old"));
        Write("A.T1.received.jsonl", Line("new"));
        var broken = Write("B.T2.received.jsonl", Line("fine") + Line("bad", verdict: "maybe"));

        var act = () => SnapshotAcceptance.Accept(_dir);

        var error = act.Should().Throw<ResultFileException>().WithMessage("*'bad'*unknown verdict 'maybe'*").Which;
        error.FilePath.Should().Be(broken);
        error.Line.Should().Be(2);
        File.ReadAllText(Path.Combine(_dir, "A.T1.verified.jsonl")).Should().Be(Line("old"), "accepting is all or nothing");
        File.Exists(Path.Combine(_dir, "B.T2.verified.jsonl")).Should().BeFalse();
    }

    [Fact]
    public void A_path_that_does_not_exist_is_a_typed_error() =>
        FluentActions.Invoking(() => SnapshotAcceptance.Accept(Path.Combine(_dir, "nope.txt")))
            .Should().Throw<FileNotFoundException>().WithMessage("*nope.txt*");
}
