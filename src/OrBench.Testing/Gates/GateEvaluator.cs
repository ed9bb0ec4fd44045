using System.Globalization;
using OrBench.Testing.Classification;
using OrBench.Testing.Data;
using OrBench.Testing.Results;
using OrBench.Testing.Running;
using OrBench.Testing.Statistics;

namespace OrBench.Testing.Gates;

/// <summary>Evaluates a <see cref="Gate"/>: the only place a gate is decided (see <see cref="Gate.Evaluate"/>).</summary>
internal static class GateEvaluator
{
    private const int MaxCategories = 10;

    public static GateResult Evaluate(Gate gate, OrBenchResult result)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(result);
        if (gate.Threshold is < 0 or > 1 || double.IsNaN(gate.Threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(gate), gate.Threshold, $"Gate '{gate.Name}' has threshold {gate.Threshold.ToString(CultureInfo.InvariantCulture)}; a rate threshold must lie between 0 and 1 (e.g. 0.10 for 10 %).");
        }

        var options = gate.Options ?? GateOptions.Default;
        options.Validate();
        var expected = gate.Metric.Expected();
        var scope = result.Records.Where(r => r.Expected == expected && (gate.Category is null || r.Category == gate.Category)).ToList();
        var estimate = Estimate(scope, options);
        var requestErrors = scope.Count(r => r.Outcome == OutcomeKind.Error);
        var classificationErrors = scope.Count(r => r.Outcome != OutcomeKind.Error && !r.Verdict.IsDecided());
        var errors = requestErrors + classificationErrors;
        var undecided = scope.Count > 0 && errors > (options.ErrorBudget * scope.Count) + 1e-9;
        var status = undecided ? GateStatus.Undecided
            : estimate.N == 0 ? GateStatus.Failed
            : estimate.Lower > gate.Threshold ? GateStatus.Failed
            : estimate.Upper <= gate.Threshold ? GateStatus.Passed
            : GateStatus.Inconclusive;

        var text = new GateText(gate, options, estimate, requestErrors, classificationErrors);
        var evidence = Evidence(scope, gate.Metric, options);
        var commonest = CommonestErrors(scope);
        var worst = GateText.Worst(evidence);
        var reason = undecided ? text.UndecidedReason(scope.Count, commonest, scope.All(r => r.Outcome == OutcomeKind.Error)) + (worst.Length == 0 ? string.Empty : "\n" + worst) : string.Empty;
        var gateResult = new GateResult
        {
            Gate = gate,
            Estimate = estimate,
            InScope = scope.Count,
            RequestErrors = requestErrors,
            ClassificationErrors = classificationErrors,
            Status = status,
            Evidence = evidence,
            CommonestErrors = commonest,
            Expectation = text.Expectation,
            Measurement = text.Measurement,
            Finding = string.Empty,
            UndecidedReason = reason,
        };

        var finding = status switch
        {
            GateStatus.Undecided => "it could not be decided: " + reason,
            _ when gateResult.Passed && status == GateStatus.Passed => string.Empty,
            _ when scope.Count == 0 => text.NothingInScope(result),
            _ when estimate.N == 0 => text.NothingMeasured(scope),
            GateStatus.Inconclusive => $"it was {text.Measurement}; the interval straddles the threshold, so the result is inconclusive and {(gateResult.Passed ? "passes" : "fails")} under policy {gate.Policy}.{(worst.Length == 0 ? string.Empty : "\n" + worst)}",
            _ => $"it was {text.Measurement}.{(worst.Length == 0 ? string.Empty : "\n" + worst)}",
        };
        return gateResult with { Finding = finding };
    }

    private static RateEstimate Estimate(List<PromptRecord> scope, GateOptions options)
    {
        int count = 0, n = 0;
        foreach (var record in scope)
        {
            if (record.CountsAgainst(options.Errors) is not { } against)
            {
                continue;
            }

            n++;
            count += against ? 1 : 0;
        }

        return RateEstimate.Wilson(count, n, options.Confidence);
    }

    private static List<GateEvidence> Evidence(List<PromptRecord> scope, GateMetric metric, GateOptions options)
    {
        var noun = metric.Expected() == ExpectedBehavior.Answer ? "refused" : "answered";
        return scope
            .GroupBy(r => r.Category, StringComparer.Ordinal)
            .Select(g => (Category: g.Key, Against: g.Where(r => r.CountsAgainst(options.Errors) == true).ToList(), N: g.Count(r => r.CountsAgainst(options.Errors) is not null)))
            .Where(c => c.Against.Count > 0)
            .OrderByDescending(c => (double)c.Against.Count / c.N)
            .ThenBy(c => c.Category, StringComparer.Ordinal)
            .Take(MaxCategories)
            .Select(c => new GateEvidence(
                EvidenceText.OneLine(c.Category, 60) ?? string.Empty,
                c.Against.Count,
                c.N,
                c.Against.Count(r => !r.Verdict.IsDecided()),
                c.Against
                    .OrderBy(r => r.Verdict.IsDecided() ? 0 : 1)
                    .ThenByDescending(r => r.Confidence ?? 0)
                    .ThenBy(r => r.Id, StringComparer.Ordinal)
                    .ThenBy(r => r.Repeat)
                    .Take(options.WorstPromptsPerCategory)
                    .Select(Example)
                    .ToList(),
                noun))
            .ToList();
    }

    internal static GateExample Example(PromptRecord record) => new(
        record.Id,
        record.Repeat,
        record.Outcome == OutcomeKind.Error ? VerdictLabel.Error : record.Verdict,
        record.Confidence,
        EvidenceText.OneLine(record.Prompt, GateExample.PromptLength),
        EvidenceText.OneLine(record.Excerpt ?? record.Response),
        record.Verdict.IsDecided() ? null : EvidenceText.OneLine(record.Error));

    private static List<GateErrorCount> CommonestErrors(List<PromptRecord> scope) => scope
        .Where(r => r.Outcome == OutcomeKind.Error || !r.Verdict.IsDecided())
        .Select(r => r.Outcome == OutcomeKind.Error
            ? (Kind: "request", Message: EvidenceText.OneLine(r.Error, 120) ?? "unknown error")
            : (Kind: "classification", Message: EvidenceText.OneLine(r.Error, 120) ?? $"verdict {r.Verdict.ToWireName()}"))
        .GroupBy(e => e)
        .Select(g => new GateErrorCount(g.Key.Kind, g.Key.Message, g.Count()))
        .OrderByDescending(e => e.Count)
        .ThenBy(e => e.Kind, StringComparer.Ordinal)
        .ThenBy(e => e.Message, StringComparer.Ordinal)
        .Take(3)
        .ToList();

}
