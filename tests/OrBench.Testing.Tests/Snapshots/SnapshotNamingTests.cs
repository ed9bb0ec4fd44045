using FluentAssertions;
using OrBench.Testing.Gates;
using OrBench.Testing.Snapshots;
using Xunit;

namespace OrBench.Testing.Tests.Snapshots;

public sealed class SnapshotNamingTests : IDisposable
{
    private readonly string _repo = Directory.CreateTempSubdirectory("orbench-repo-").FullName;

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    [Fact]
    public void An_existing_directory_is_used_as_is() =>
        SnapshotNaming.ResolveSourceDirectory(_repo, "/").Should().Be(_repo);

    [Fact]
    public void A_deterministic_build_path_is_found_again_from_the_output_directory()
    {
        var source = Directory.CreateDirectory(Path.Combine(_repo, "tests", "My.Tests", "Gates")).FullName;
        var output = Directory.CreateDirectory(Path.Combine(_repo, "tests", "My.Tests", "bin", "Release", "net10.0")).FullName;

        SnapshotNaming.ResolveSourceDirectory("/_/tests/My.Tests/Gates", output).Should().Be(source);
    }

    [Fact]
    public void An_unresolvable_path_explains_how_to_fix_it() =>
        FluentActions.Invoking(() => SnapshotNaming.ResolveSourceDirectory("/_/nowhere/at/all", _repo))
            .Should().Throw<DirectoryNotFoundException>().WithMessage("*SnapshotOptions.Directory*");
}
