using System.Globalization;
using System.Text;
using OrBench.Testing.Gates;
using OrBench.Testing.Statistics;

namespace OrBench.Testing.Assertions;

/// <summary>
/// Turns a <see cref="GateResult"/> into an assertion library's message template. Free of any assertion library, so every
/// adapter (FluentAssertions, AwesomeAssertions) renders the same words: only the escape function and the subject and
/// reason placeholders differ.
/// </summary>
internal static class GateResultText
{
    /// <summary>What <paramref name="gate"/> demands, before it is evaluated (for a null subject).</summary>
    public static string Expectation(Gate gate) =>
        new GateText(gate, gate.Options, RateEstimate.Wilson(0, 0, gate.Options.Confidence), 0, 0).Expectation;

    /// <summary>
    /// <c>Expected {subject} to have {expectation}{reason}, but {finding}</c>; an undecided gate starts with why it could
    /// not be decided: <c>Could not decide whether {subject} has {expectation}{reason}: {why}</c>.
    /// </summary>
    public static string Template(GateResult result, string subject, string reason, Func<string, string> escape) =>
        result.Status == GateStatus.Undecided
            ? $"Could not decide whether {subject} has {escape(result.Expectation)}{reason}: {escape(result.UndecidedReason)}"
            : $"Expected {subject} to have {escape(result.Expectation)}{reason}, but {escape(result.Finding)}";

    /// <summary>The finding of a per-category gate: each category that did not pass with its measurement and worst prompts.</summary>
    public static string EveryCategory(IReadOnlyList<GateResult> failing)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{failing.Count} {(failing.Count == 1 ? "category breaches" : "categories breach")} it:");
        foreach (var result in failing)
        {
            var status = result.Status switch
            {
                GateStatus.Undecided => $" — undecided: {result.Errors} of {result.InScope} prompts errored, over the error budget",
                GateStatus.Inconclusive => $" — inconclusive, fails under policy {result.Gate.Policy}",
                _ => string.Empty,
            };
            text.Append(CultureInfo.InvariantCulture, $"\n  {result.Gate.Category}: {result.Measurement}{status}");
            foreach (var example in result.Evidence.SelectMany(e => e.Examples))
            {
                text.Append("\n    ").Append(example);
            }
        }

        return text.ToString();
    }
}
