using FluentAssertions;
using OrBench.Testing.Snapshots;
using Xunit;

namespace OrBench.Testing.Tests.Snapshots;

public sealed class SnapshotEnvironmentTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Theory]
    [InlineData("CI", "true")]
    [InlineData("CI", "1")]
    [InlineData("TF_BUILD", "True")] // Azure Pipelines sets TF_BUILD, not CI
    public void A_ci_system_is_recognised(string name, string value) =>
        SnapshotEnvironment.IsCiIn(Env((name, value))).Should().BeTrue();

    [Theory]
    [InlineData("CI", "false")]
    [InlineData("TF_BUILD", "False")]
    [InlineData("BUILD_ID", "42")]
    public void Other_values_are_not_ci(string name, string value) =>
        SnapshotEnvironment.IsCiIn(Env((name, value))).Should().BeFalse();
}
