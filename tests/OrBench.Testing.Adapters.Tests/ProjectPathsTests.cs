using System.Runtime.CompilerServices;
using AwesomeAssertions;
using OrBench.Testing.Middleware;
using Xunit;

namespace OrBench.Testing.Adapters.Tests;

public sealed class ProjectPathsTests
{
    private static string ThisProjectDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    [Fact]
    public void The_build_records_the_test_project_directory()
    {
        ProjectPaths.ProjectDirectory.Should().Be(ThisProjectDirectory());
        File.Exists(Path.Combine(ProjectPaths.ProjectDirectory!, "OrBench.Testing.Adapters.Tests.csproj")).Should().BeTrue();
    }

    [Fact]
    public void A_relative_cache_directory_lands_beside_the_project_not_under_bin()
    {
        var relative = Path.Combine("obj", "orbench-paths-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var cache = new FileDistributedCache(relative);

            cache.Directory.Should().Be(Path.Combine(ThisProjectDirectory(), relative));
            Directory.Exists(cache.Directory).Should().BeTrue();
            cache.Directory.Should().NotStartWith(AppContext.BaseDirectory);
        }
        finally
        {
            Directory.Delete(Path.Combine(ThisProjectDirectory(), relative), recursive: true);
        }
    }

    [Fact]
    public void A_rooted_path_is_kept() =>
        ProjectPaths.Resolve(Path.Combine(Path.GetTempPath(), "x")).Should().Be(Path.GetFullPath(Path.Combine(Path.GetTempPath(), "x")));
}
