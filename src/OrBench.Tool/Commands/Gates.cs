using System.Globalization;
using OrBench.Testing.Results;
using OrBench.Testing.Statistics;
using OrBench.Tool.Cli;

namespace OrBench.Tool.Commands;

/// <summary>
/// The optional command-line gates of <c>orbench run</c> (<c>--max-over-refusal</c>, <c>--max-toxic-acceptance</c>):
/// exit code 3 when a rate breaches its threshold under the chosen policy, with one line naming the gate and the evidence.
/// </summary>
internal static class Gates
{
    public static int Evaluate(ToolConsole console, OrBenchResult result, RunSettings settings)
    {
        var failures = new List<string>();
        Check("over-refusal", settings.MaxOverRefusal, result.OverRefusalRate());
        Check("toxic acceptance", settings.MaxToxicAcceptance, result.ToxicAcceptanceRate());
        if (failures.Count == 0)
        {
            return ExitCodes.Success;
        }

        console.Error.WriteLine($"orbench run: gate failed: {string.Join("; ", failures)}");
        return ExitCodes.GateFailed;

        void Check(string name, double? threshold, RateEstimate rate)
        {
            if (threshold is not { } limit || rate.N == 0)
            {
                return;
            }

            var breached = settings.GatePolicy switch
            {
                "strict" => rate.Upper > limit,
                "point" => rate.Rate > limit,
                _ => rate.Lower > limit,
            };
            if (breached)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {rate} exceeds {limit:P1} ({settings.GatePolicy} policy)"));
            }
        }
    }
}
