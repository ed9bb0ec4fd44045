using OrBench.Testing.Gates;
using OrBench.Testing.Reporting;
using OrBench.Tool.Cli;

namespace OrBench.Tool.Commands;

/// <summary>
/// Turns the gates named on the command line (<c>--max-over-refusal</c>, <c>--max-toxic-acceptance</c>), as evaluated by the
/// Report stage, into the exit code: 3 with one line naming each failed gate and its evidence.
/// </summary>
internal static class Gates
{
    public static int Decide(ToolConsole console, string commandName, IReadOnlyList<GateOutcome> outcomes)
    {
        var failed = outcomes.Where(o => o.Status == GateStatus.Failed).ToList();
        if (failed.Count == 0)
        {
            return ExitCodes.Success;
        }

        var reasons = failed.Select(o =>
            $"{o.Gate.Name} {o.Estimate} above {o.Gate.Threshold.ToString("P1", System.Globalization.CultureInfo.InvariantCulture)} ({o.Gate.Policy.ToDisplayName()} policy)");
        console.Error.WriteLine($"{commandName}: gate failed: {string.Join("; ", reasons)}");
        return ExitCodes.GateFailed;
    }
}
