using System.Diagnostics;
using OrBench.Testing.Results;

using OrBench.Testing.Gates;

namespace OrBench.Testing.Assertions;

/// <summary>Entry points of the FluentAssertions gates. Add <c>using OrBench.Testing.Assertions;</c> next to <c>using FluentAssertions;</c>.</summary>
[DebuggerNonUserCode]
public static class OrBenchAssertionExtensions
{
    /// <summary>Gates on a whole result: rates, regressions, verified records.</summary>
    public static OrBenchResultAssertions Should(this OrBenchResult result) => new(result);

    /// <summary>Assertions on one judged response.</summary>
    public static OrBenchResponseAssertions Should(this OrBenchResponse response) => new(response);
}
