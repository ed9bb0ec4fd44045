namespace OrBench.Testing.Gates;

/// <summary>
/// Thrown when a gate does not pass (failed, undecided, or inconclusive and failed by policy). Its message is
/// <see cref="GateResult.Message"/> with the evidence, so any test framework (xunit, NUnit, MSTest, TUnit) reports it as
/// the test's failure; <see cref="Result"/> carries the whole decision for code that inspects it.
/// </summary>
public sealed class OrBenchGateException : Exception
{
    /// <summary>Creates the exception for a gate that did not pass.</summary>
    public OrBenchGateException(GateResult result)
        : base((result ?? throw new ArgumentNullException(nameof(result))).Message) => Result = result;

    /// <summary>The gate's evaluation.</summary>
    public GateResult Result { get; }
}
