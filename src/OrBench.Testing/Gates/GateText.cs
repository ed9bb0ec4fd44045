using System.Globalization;
using System.Text;
using OrBench.Testing.Data;
using OrBench.Testing.Results;
using OrBench.Testing.Statistics;

namespace OrBench.Testing.Gates;

/// <summary>The sentences of a <see cref="GateResult"/>: written once here, rendered by every assertion, report and the CLI.</summary>
internal sealed class GateText(Gate gate, GateOptions options, RateEstimate rate, int requestErrors, int classificationErrors)
{
    private GatePolicy Policy => options.PolicyFor(gate.Metric);

    private string Kind => gate.Metric.Expected() == ExpectedBehavior.Answer ? "answer-expected (benign)" : "refuse-expected (toxic)";

    private string Scope => gate.Category is null ? string.Empty : $" in category '{EvidenceText.OneLine(gate.Category, 60)}'";

    /// <summary>E.g. <c>an over-refusal rate in category 'privacy' of at most 10.0 % (policy …)</c>.</summary>
    public string Expectation =>
        $"{(gate.Metric == GateMetric.OverRefusal ? "an" : "a")} {gate.Metric.RateName()}{Scope} of at most {Threshold(gate.Threshold)} ({Policy.Describe(options.Confidence)})";

    /// <summary>E.g. <c>16.0 % [12.1 %, 20.9 %] (48 of 300 prompts; 2 errored, counted against the model)</c>.</summary>
    /// <remarks>
    /// When one decimal would print the value the policy decides on equal to the threshold (a rate of 10.04 % against 10 %),
    /// a sentence gives both with enough decimals to see which side of the threshold the value is on.
    /// </remarks>
    public string Measurement => rate.N == 0
        ? Invariant($"no prompt could be measured (0 of 0 prompts; {ErrorsText}, {ErrorTreatment})")
        : Invariant($"{rate.Rate:P1} [{rate.Lower:P1}, {rate.Upper:P1}] ({rate.Count} of {rate.N} prompts; {ErrorsText}, {ErrorTreatment})") + RoundingNote + StrictZeroNote;

    private string ErrorsText => classificationErrors == 0
        ? Invariant($"{requestErrors} errored")
        : Invariant($"{requestErrors + classificationErrors} errored: {requestErrors} request, {classificationErrors} classification");

    /// <summary>A threshold as messages print it: at least one decimal, more when it has them (1.25 %, not 1.3 %).</summary>
    public static string Threshold(double threshold) => Invariant($"{threshold * 100:0.0##} %");

    /// <summary>The worst offenders, one category per line and one prompt per indented line; empty when none.</summary>
    public static string Worst(IReadOnlyList<GateEvidence> evidence)
    {
        if (evidence.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder("Worst offending prompts per category:");
        foreach (var category in evidence)
        {
            builder.Append("\n  ").Append(category);
            foreach (var example in category.Examples)
            {
                builder.Append("\n    ").Append(example);
            }
        }

        return builder.ToString();
    }

    /// <summary>Why an undecided gate was not decided: the counts, the budget, the commonest errors, then what was measured anyway.</summary>
    public string UndecidedReason(int inScope, IReadOnlyList<GateErrorCount> commonest, bool everyRequestFailed)
    {
        var errors = requestErrors + classificationErrors;
        var builder = new StringBuilder();
        builder.Append(Invariant($"{errors} of the {inScope} {Kind} prompts{Scope} ended in errors ({requestErrors} request, {classificationErrors} classification), more than the error budget of {options.ErrorBudget * 100:0.###} % ({Math.Floor((options.ErrorBudget * inScope) + 1e-9):0} prompts), so a rate would measure the failures, not the model."));
        if (everyRequestFailed)
        {
            builder.Append(Invariant($" Every one of the {inScope} requests failed, so the model was not measured (check the endpoint, key and model name)."));
        }

        builder.Append(" Commonest errors: ").Append(string.Join("; ", commonest)).Append('.');
        builder.Append(" Fix them and rerun, or raise GateOptions.ErrorBudget. It checks ").Append(Expectation)
            .Append("; measured anyway: ").Append(Measurement).Append('.');
        return builder.ToString();
    }

    /// <summary>The finding of a gate with no prompt of its kind (or category) in the result.</summary>
    public string NothingInScope(OrBenchResult result)
    {
        if (gate.Category is null)
        {
            return $"the result has no {Kind} prompts to measure (prompt set '{EvidenceText.OneLine(result.Prompts, 80)}', {result.Records.Count} records), so the gate cannot pass.";
        }

        var categories = string.Join(", ", result.Records.Select(r => r.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(c => EvidenceText.OneLine(c, 60)));
        return $"the result has no {Kind} prompts{Scope} (categories present: {(categories.Length == 0 ? "none" : categories)}), so the gate cannot pass.";
    }

    /// <summary>The finding of a gate whose prompts all left the denominator (errors under <see cref="ErrorPolicy.Exclude"/>, within the budget).</summary>
    public string NothingMeasured(IReadOnlyList<PromptRecord> scope)
    {
        var first = scope.FirstOrDefault(r => r.Error is not null)?.Error;
        return $"none of its {scope.Count} {Kind} prompts{Scope} could be measured: all of them errored or could not be classified, and ErrorPolicy.{options.Errors} leaves them out."
            + (first is null ? string.Empty : $" First error: {EvidenceText.OneLine(first)}");
    }

    // The Wilson upper bound is z²/(n + z²) > 0 even at 0 of n, so a Strict gate at threshold 0 fails on every result.
    private string StrictZeroNote => Policy == GatePolicy.Strict && gate.Threshold == 0 && rate.Count == 0
        ? " (under policy Strict a threshold of 0 can never pass: the interval's upper bound is above 0 for any number of prompts; use PointEstimate for zero tolerance)"
        : string.Empty;

    private string RoundingNote
    {
        get
        {
            var threshold = gate.Threshold;
            var (value, name) = Policy switch
            {
                GatePolicy.Strict => (rate.Upper, "upper bound"),
                GatePolicy.PointEstimate => (rate.Rate, "rate"),
                _ => (rate.Lower, "lower bound"),
            };
            if (rate.N == 0 || value == threshold || Percent(value, 1) != Percent(threshold, 1))
            {
                return string.Empty;
            }

            var decimals = 2;
            while (decimals < 6 && Percent(value, decimals) == Percent(threshold, decimals))
            {
                decimals++;
            }

            var side = value > threshold ? "above" : "below";
            return Percent(value, decimals) != Percent(threshold, decimals)
                ? $" (the {name} is {Percent(value, decimals)}, {side} the threshold {Percent(threshold, decimals)}; one decimal hides the difference)"
                : Invariant($" (the {name} is {side} the threshold by {Math.Abs(value - threshold):G2}, less than any printed precision)");
        }
    }

    private string ErrorTreatment => options.Errors switch
    {
        ErrorPolicy.Exclude => "excluded",
        ErrorPolicy.CountAsRefusal => "counted as refusals",
        _ => "counted against the model",
    };

    private static string Percent(double value, int decimals) => value.ToString("P" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
