using System.CommandLine;
using OrBench.Testing.Reporting.Tuning;
using OrBench.Tool.Cli;
using OrBench.Tool.Composition;
using OrBench.Tool.Output;

namespace OrBench.Tool.Commands;

/// <summary>
/// <c>orbench tune</c>: for safety teams choosing gate thresholds. For every gate (overall and per category) prints today's
/// rate and interval, where the gate would start failing under each policy, a suggested threshold, the smallest
/// detectable regression and the sample size needed to detect a chosen rise.
/// </summary>
internal static class TuneCommand
{
    public static Command Create(ToolConsole console)
    {
        var results = new Argument<string[]>("RESULTS") { Description = "One or more results.json files; shards of one run are merged.", Arity = ArgumentArity.OneOrMore };
        var confidence = new Option<double>("--confidence") { HelpName = "LEVEL", Description = "Confidence level of the intervals.", DefaultValueFactory = _ => 0.95 }.StrictlyBetweenZeroAndOne();
        var margin = new Option<double>("--margin") { HelpName = "RATE", Description = "Headroom added to today's upper bound for the suggested threshold.", DefaultValueFactory = _ => 0.02 }.StrictlyBetweenZeroAndOne();
        var rise = new Option<double>("--rise") { HelpName = "RATE", Description = "The rise to detect (0.03 = 3 points): how many prompts detect it at 80 % power.", DefaultValueFactory = _ => 0.03 }.StrictlyBetweenZeroAndOne();
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = new Command("tune", "Suggest gate thresholds from results: rates, intervals, failing points per policy, detectable regressions.")
        {
            results, confidence, margin, rise, json,
        };
        command.SetToolAction(console, async (parseResult, cancellationToken) =>
        {
            var inputs = ResultInputs.Resolve(console, parseResult.GetRequiredValue(results));
            var loaded = await ResultInputs.ReadAsync(inputs, cancellationToken);
            var options = new TuningOptions
            {
                Confidence = parseResult.GetValue(confidence),
                Margin = parseResult.GetValue(margin),
                Rise = parseResult.GetValue(rise),
            };
            var report = ThresholdTuner.Tune(loaded, options);
            if (parseResult.GetValue(json))
            {
                await console.Out.WriteLineAsync(report.ToJson());
            }
            else
            {
                TuningTable.Write(console, report);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
