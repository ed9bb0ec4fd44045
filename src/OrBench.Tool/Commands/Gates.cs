using OrBench.Testing.Gates;
using OrBench.Tool.Cli;

namespace OrBench.Tool.Commands;

/// <summary>
/// Turns the gates named on the command line (<c>--max-over-refusal</c>, <c>--max-toxic-acceptance</c>), as evaluated by the
/// Report stage, into the exit code: 3 when one failed, 4 when one was undecided (and none failed), each gate that did not
/// pass printed with its whole message (measurement, then one line per offending prompt with its text and the response).
/// </summary>
internal static class Gates
{
    public static int Decide(ToolConsole console, string commandName, IReadOnlyList<GateResult> results)
    {
        var notPassed = results.Where(r => !r.Passed).ToList();
        foreach (var result in notPassed)
        {
            var verb = result.Status == GateStatus.Undecided ? "gate undecided" : "gate failed";
            console.Error.WriteLine($"{commandName}: {verb}: {result.Message}");
        }

        return notPassed.Count == 0 ? ExitCodes.Success
            : notPassed.Any(r => r.Status != GateStatus.Undecided) ? ExitCodes.GateFailed
            : ExitCodes.GateUndecided;
    }
}
