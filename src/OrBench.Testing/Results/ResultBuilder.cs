using System.Collections.Concurrent;
using OrBench.Testing.Classification;
using OrBench.Testing.Data;
using OrBench.Testing.Running;

namespace OrBench.Testing.Results;

/// <summary>
/// Joins the Run stage's output with one verdict per outcome into an <see cref="OrBenchResult"/>: the point where
/// responses become records that gates, snapshots and reports can compare across runs and machines.
/// </summary>
public static class ResultBuilder
{
    private const int ParallelThreshold = 4096;

    /// <summary>
    /// Builds a result. <paramref name="verdicts"/> must hold exactly one verdict per <see cref="RunResult.Outcomes"/> entry,
    /// in the same order (what <see cref="ResultClassification.ClassifyAsync(RunResult, IRefusalClassifier, int, CancellationToken)"/> returns). Records come out sorted by id then repeat.
    /// </summary>
    /// <param name="run">The Run stage's output.</param>
    /// <param name="verdicts">One verdict per outcome.</param>
    /// <param name="metadata">Run facts to keep (sample, seed, shard…); merged over the facts the builder records itself.</param>
    /// <exception cref="ArgumentException">The counts differ, an outcome names a prompt the run does not contain, or two outcomes share a prompt id and repeat.</exception>
    public static OrBenchResult Build(RunResult run, IReadOnlyList<RefusalVerdict> verdicts, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(verdicts);
        if (verdicts.Count != run.Outcomes.Count)
        {
            throw new ArgumentException($"Expected one verdict per outcome: {run.Outcomes.Count} outcomes but {verdicts.Count} verdicts.", nameof(verdicts));
        }

        var prompts = new Dictionary<string, OrBenchPrompt>(StringComparer.Ordinal);
        foreach (var prompt in run.Prompts)
        {
            prompts.TryAdd(prompt.Id, prompt);
        }

        var matched = new OrBenchPrompt[run.Outcomes.Count];
        for (var i = 0; i < matched.Length; i++)
        {
            var outcome = run.Outcomes[i];
            if (!prompts.TryGetValue(outcome.PromptId, out var prompt))
            {
                throw new ArgumentException($"Outcome {i} names prompt '{outcome.PromptId}', which is not in the prompt set '{run.Prompts.Name}'.", nameof(run));
            }

            matched[i] = prompt;
            _ = verdicts[i] ?? throw new ArgumentException($"Verdict {i} (prompt '{outcome.PromptId}') is null.", nameof(verdicts));
        }

        // Each record hashes its response (SHA-256 of about 1 KB per record on OR-Bench-80K), so large runs build
        // their records on every core; the records land in fixed slots, so the result does not depend on timing.
        var records = new PromptRecord[matched.Length];
        if (records.Length < ParallelThreshold)
        {
            BuildRecords(0, records.Length, run, matched, verdicts, records);
        }
        else
        {
            Parallel.ForEach(Partitioner.Create(0, records.Length, 1024), range => BuildRecords(range.Item1, range.Item2, run, matched, verdicts, records));
        }

        Array.Sort(records, RecordOrder.Instance);
        for (var i = 1; i < records.Length; i++)
        {
            if (records[i].Id == records[i - 1].Id && records[i].Repeat == records[i - 1].Repeat)
            {
                // Two outcomes of one prompt and repeat would count it twice in every rate, and results.json could not be read back.
                throw new ArgumentException($"Prompt '{records[i].Id}' (repeat {records[i].Repeat}) has more than one outcome in the run; each prompt and repeat is one trial.", nameof(run));
            }
        }

        var facts = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [RunFacts.Classifier] = string.Join(",", verdicts.Select(v => v.Classifier).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            [RunFacts.Repeats] = run.Options.Repeats.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (run.Options.SystemPrompt is not null)
        {
            facts[RunFacts.SystemPrompt] = "custom";
        }

        if (run.Cancelled)
        {
            facts[RunFacts.Cancelled] = "true";
        }

        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            facts[key] = value;
        }

        return new OrBenchResult
        {
            Model = run.Model,
            Prompts = run.Prompts.Name,
            Subset = run.Prompts.Subset,
            Records = records,
            StartedAt = run.StartedAt,
            WallSeconds = run.WallTime.TotalSeconds,
            Metadata = facts,
        };
    }

    private static void BuildRecords(int from, int to, RunResult run, OrBenchPrompt[] prompts, IReadOnlyList<RefusalVerdict> verdicts, PromptRecord[] records)
    {
        for (var i = from; i < to; i++)
        {
            records[i] = ToRecord(prompts[i], run.Outcomes[i], verdicts[i]);
        }
    }

    // A verdict that decides nothing keeps its reason in the record, or a broken judge would look like a silent gap.
    private static string? ClassificationError(RefusalVerdict verdict)
    {
        if (verdict.Label.IsDecided())
        {
            return null;
        }

        var reason = Middleware.Secrets.Scrub(verdict.Rationale).ReplaceLineEndings(" ").Trim();
        if (reason.Length > 200)
        {
            reason = reason[..200] + "…";
        }

        return verdict.Label == VerdictLabel.Unparsed
            ? $"classification failed: {verdict.Classifier} replied without a readable verdict" + (reason.Length > 0 ? $": {reason}" : string.Empty)
            : $"classification failed: {(reason.Length > 0 ? reason : verdict.Classifier + " gave no verdict")}";
    }

    /// <summary>The record for one prompt, outcome and verdict.</summary>
    public static PromptRecord ToRecord(OrBenchPrompt prompt, PromptOutcome outcome, RefusalVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(verdict);
        return new PromptRecord
        {
            Id = prompt.Id,
            Category = prompt.Category.Value,
            Expected = prompt.Expected,
            Repeat = outcome.Repeat,
            Prompt = prompt.Text,
            Outcome = outcome.Kind,
            Response = outcome.Text,
            Verdict = verdict.Label,
            Classifier = verdict.Classifier,
            Confidence = verdict.Confidence,
            ResponseSha256 = ResponseDigest.Sha256(outcome.Text),
            Excerpt = ResponseDigest.Excerpt(outcome.Text),
            Error = outcome.Error ?? ClassificationError(verdict),
            LatencyMs = outcome.Latency.TotalMilliseconds,
            InputTokens = outcome.InputTokens,
            OutputTokens = outcome.OutputTokens,
        };
    }
}
