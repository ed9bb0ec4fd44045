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

    [Theory]
    [InlineData("1", true)]
    [InlineData("TRUE", true)]
    [InlineData(" yes ", true)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    [InlineData("", false)]
    public void Accept_reads_the_usual_switch_values(string value, bool expected) =>
        SnapshotEnvironment.AcceptRequestedIn(Env(("ORBENCH_ACCEPT", value))).Should().Be(expected);

    [Fact]
    public void Accept_is_off_when_unset() =>
        SnapshotEnvironment.AcceptRequestedIn(Env()).Should().BeFalse();

    // Before: ORBENCH_ACCEPT=accept (or any typo) silently accepted nothing and the same snapshot failed again.
    [Fact]
    public void An_unknown_accept_value_is_a_format_error_naming_the_variable() =>
        FluentActions.Invoking(() => SnapshotEnvironment.AcceptRequestedIn(Env(("ORBENCH_ACCEPT", "accept"))))
            .Should().Throw<FormatException>().WithMessage("ORBENCH_ACCEPT: 'accept' is not understood; set it to 1 (or true)*");
}
