using AwesomeAssertions.Execution;

namespace OrBench.Testing.Assertions;

/// <summary>
/// Lets the shared gate sources, written against FluentAssertions 7's <c>Execute.Assertion</c>, compile unchanged on
/// AwesomeAssertions, whose <see cref="AssertionChain"/> replaced it. Being in the gates' own namespace, this type wins
/// over any imported <c>Execute</c>.
/// </summary>
internal static class Execute
{
    /// <summary>A fresh chain (or the one an outer assertion handed on), as <c>Execute.Assertion</c> was in FluentAssertions 7.</summary>
    public static AssertionStep Assertion => new(AssertionChain.GetOrCreate());
}
