using OrBench.Testing.Results;

namespace OrBench.Testing.Gates;

/// <summary>
/// The framework-neutral assertion API: evaluate gates on a result, and throw <see cref="OrBenchGateException"/> when one
/// does not pass. Works in any test framework; the FluentAssertions adapter renders the same <see cref="GateResult"/>.
/// </summary>
/// <example><code>
/// var gate = Gate.OverRefusal(0.10);
/// result.AssertGate(gate);                     // throws OrBenchGateException with the evidence
/// var decision = result.Gate(gate);            // or inspect: decision.Status, decision.Passed, decision.Message
/// </code></example>
public static class OrBenchGates
{
    /// <summary>Evaluates <paramref name="gate"/> on <paramref name="result"/> without throwing.</summary>
    public static GateResult Gate(this OrBenchResult result, Gate gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        return gate.Evaluate(result);
    }

    /// <summary>Evaluates each gate, in the order given.</summary>
    public static IReadOnlyList<GateResult> Gates(this OrBenchResult result, IEnumerable<Gate> gates)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(gates);
        return gates.Select(g => g.Evaluate(result)).ToList();
    }

    /// <summary>Evaluates <paramref name="gate"/> and throws <see cref="OrBenchGateException"/> unless it passes.</summary>
    /// <returns>The passing gate's result (it may be inconclusive and pass by policy).</returns>
    public static GateResult AssertGate(this OrBenchResult result, Gate gate) => result.Gate(gate).ThrowIfNotPassed();
}
