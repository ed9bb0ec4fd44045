using System.Globalization;
using System.Text;

namespace OrBench.Testing.Generation.Output;

/// <summary>
/// Renders a <see cref="GenerationSummary"/> as a short plain-text report for a terminal or a CI log: what each stage
/// kept and dropped, then calls and tokens per stage and model. Invariant culture, so logs compare across machines.
/// </summary>
internal static class GenerationSummaryText
{
    /// <summary>The report, lines separated by <c>\n</c>.</summary>
    public static string Format(GenerationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var text = new StringBuilder();
        void Line(FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');

        var s = summary.Seeds;
        var failedBatches = s.FailedBatches == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", {s.FailedBatches} failed");
        Line($"seeds:      {s.Kept} kept of {s.Parsed} parsed from {s.Batches} batches ({s.MalformedBatches} malformed{failedBatches}, {s.ExactDuplicates} exact + {s.NearDuplicates} near duplicates, {s.Surplus} surplus)");
        var r = summary.Rewrites;
        var rules = r.DroppedByRule.Count == 0 ? "none" : string.Join(", ", r.DroppedByRule.Select(kv => kv.Key + " " + kv.Value.ToString(CultureInfo.InvariantCulture)));
        var failedRequests = r.FailedRequests == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", {r.FailedRequests} failed");
        Line($"rewrites:   {r.Kept} kept of {r.Parsed} parsed from {r.Requests} seeds ({r.MalformedAnswers} malformed{failedRequests}; dropped by rule: {rules}; {r.ExactDuplicates} exact + {r.NearDuplicates} near duplicates)");
        var m = summary.Moderation;
        var unparseable = m.UnparseableVotes.Values.Sum();
        var failedVotes = m.FailedVotes.Values.Sum();
        var failed = failedVotes == 0
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $", {failedVotes} failed votes: ") +
              string.Join(", ", m.FailedVotes.Where(kv => kv.Value > 0).Select(kv => kv.Key + " " + kv.Value.ToString(CultureInfo.InvariantCulture)));
        Line($"moderation: {m.Benign} benign, {m.Toxic} toxic, {m.Ties} ties, {m.Unresolved} unresolved of {m.Moderated} ({m.Disagreements} with disagreement, {unparseable} unparseable votes{failed})");
        foreach (var u in summary.Usage)
        {
            var cost = u.EstimatedCost is { } c ? ", cost " + c.ToString("0.####", CultureInfo.InvariantCulture) : string.Empty;
            Line($"  {Stage(u.Stage),-10} {u.Model}: {u.Calls} calls ({u.ReplayedCalls} replayed), {u.InputTokens} in + {u.OutputTokens} out tokens{cost}");
        }

        var total = summary.EstimatedCost is { } t ? ", estimated cost " + t.ToString("0.####", CultureInfo.InvariantCulture) : string.Empty;
        Line($"total:      {summary.Calls} calls ({summary.ReplayedCalls} replayed), {summary.InputTokens} in + {summary.OutputTokens} out tokens{total}");
        if (summary.ResumedStages.Count > 0)
        {
            Line($"resumed:    {string.Join(", ", summary.ResumedStages.Select(Stage))}");
        }

        return text.ToString();
    }

    private static string Stage(GenerationStage stage) => stage switch
    {
        GenerationStage.Seeds => "seeds",
        GenerationStage.Rewrites => "rewrites",
        GenerationStage.Moderation => "moderation",
        _ => "hard_subset",
    };
}
