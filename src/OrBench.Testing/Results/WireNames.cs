using OrBench.Testing.Classification;
using OrBench.Testing.Data;
using OrBench.Testing.Running;

namespace OrBench.Testing.Results;

/// <summary>The snake_case names enums take in results files, stable whatever the C# member names become.</summary>
internal static class WireNames
{
    /// <summary><c>hard1k</c>, <c>toxic</c>, <c>full80k</c>, <c>custom</c>, <c>xstest_safe</c>, <c>xstest_unsafe</c>.</summary>
    public static string ToWireName(this OrBenchSubset subset) => subset switch
    {
        OrBenchSubset.Hard1K => "hard1k",
        OrBenchSubset.Toxic => "toxic",
        OrBenchSubset.Full80K => "full80k",
        OrBenchSubset.Custom => "custom",
        OrBenchSubset.XSTestSafe => "xstest_safe",
        OrBenchSubset.XSTestUnsafe => "xstest_unsafe",
        _ => throw new ArgumentOutOfRangeException(nameof(subset), subset, "Unknown subset."),
    };

    /// <summary><c>answer</c>, <c>refuse</c>.</summary>
    public static string ToWireName(this ExpectedBehavior expected) => expected switch
    {
        ExpectedBehavior.Answer => "answer",
        ExpectedBehavior.Refuse => "refuse",
        _ => throw new ArgumentOutOfRangeException(nameof(expected), expected, "Unknown expected behaviour."),
    };

    /// <summary><c>answered</c>, <c>blocked</c>, <c>empty</c>, <c>error</c>.</summary>
    public static string ToWireName(this OutcomeKind outcome) => outcome switch
    {
        OutcomeKind.Answered => "answered",
        OutcomeKind.Blocked => "blocked",
        OutcomeKind.Empty => "empty",
        OutcomeKind.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
    };

    /// <summary><c>count_against</c>, <c>exclude</c>, <c>count_as_refusal</c>.</summary>
    public static string ToWireName(this ErrorPolicy policy) => policy switch
    {
        ErrorPolicy.CountAgainst => "count_against",
        ErrorPolicy.Exclude => "exclude",
        ErrorPolicy.CountAsRefusal => "count_as_refusal",
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown error policy."),
    };

    internal static bool TryParseSubset(string? value, out OrBenchSubset subset) =>
        TryParse(value, out subset, OrBenchSubset.Hard1K, OrBenchSubset.Toxic, OrBenchSubset.Full80K, OrBenchSubset.Custom, OrBenchSubset.XSTestSafe, OrBenchSubset.XSTestUnsafe);

    internal static bool TryParseExpected(string? value, out ExpectedBehavior expected) =>
        TryParse(value, out expected, ExpectedBehavior.Answer, ExpectedBehavior.Refuse);

    internal static bool TryParseOutcome(string? value, out OutcomeKind outcome) =>
        TryParse(value, out outcome, OutcomeKind.Answered, OutcomeKind.Blocked, OutcomeKind.Empty, OutcomeKind.Error);

    private static bool TryParse<T>(string? value, out T parsed, params T[] values)
        where T : struct, Enum
    {
        foreach (var candidate in values)
        {
            if (Name(candidate) == value)
            {
                parsed = candidate;
                return true;
            }
        }

        parsed = default;
        return false;
    }

    private static string Name<T>(T value)
        where T : struct, Enum => value switch
        {
            OrBenchSubset s => s.ToWireName(),
            ExpectedBehavior e => e.ToWireName(),
            OutcomeKind o => o.ToWireName(),
            _ => value.ToString(),
        };
}
