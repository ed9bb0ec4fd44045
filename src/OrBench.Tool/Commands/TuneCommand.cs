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
        var margin = new Option<double>("--margin")
        {
            HelpName = "RATE",
            Description = "Headroom added to the failing threshold for the suggested threshold: under the interval policy (over-refusal's default) that is today's lower bound, under strict (toxic acceptance's default) the upper bound.",
            DefaultValueFactory = _ => 0.02,
        }.StrictlyBetweenZeroAndOne();
        var rise = new Option<double>("--rise") { HelpName = "RATE", Description = "The rise to detect (0.03 = 3 points): how many prompts detect it at 80 % power.", DefaultValueFactory = _ => 0.03 }.StrictlyBetweenZeroAndOne();
        var format = SharedOptions.Format(OutputFormat.Text, OutputFormat.Json, OutputFormat.Markdown);
        var json = new Option<bool>("--json") { Description = "The same as --format json (kept for existing scripts).", Hidden = true };
        var allowPartial = SharedOptions.AllowPartial();
        var command = new Command("tune", "Suggest gate thresholds from results: rates, intervals, failing points per policy, detectable regressions.")
        {
            results, confidence, margin, rise, format, json, allowPartial,
        };
        command.SetToolAction(console, async (parseResult, cancellationToken) =>
        {
            var inputs = ResultInputs.Resolve(console, parseResult.GetRequiredValue(results));
            var loaded = await ShardCompleteness.CheckAsync(console, "orbench tune", inputs, await ResultInputs.ReadAsync(inputs, cancellationToken), parseResult.GetValue(allowPartial));
            var options = new TuningOptions
            {
                Confidence = parseResult.GetValue(confidence),
                Margin = parseResult.GetValue(margin),
                Rise = parseResult.GetValue(rise),
            };
            var report = ThresholdTuner.Tune(loaded, options);
            var chosen = parseResult.GetValue(json) ? OutputFormat.Json : SharedOptions.FormatOf(parseResult, format);
            switch (chosen)
            {
                case OutputFormat.Json:
                    await console.Out.WriteAsync(report.ToJson());
                    break;
                case OutputFormat.Markdown:
                    await console.Out.WriteAsync(TuningTable.ToMarkdown(report));
                    break;
                default:
                    TuningTable.Write(console, report);
                    break;
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
