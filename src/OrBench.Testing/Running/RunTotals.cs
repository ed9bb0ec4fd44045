namespace OrBench.Testing.Running;

/// <summary>
/// Counts and sums over a run, for summaries such as <c>results.json</c> and progress lines. Computed from the
/// outcomes alone, so it agrees with the records however the run was produced (live, replayed or imported).
/// </summary>
/// <param name="Requests">Outcomes in the run (prompts × repeats that finished).</param>
/// <param name="Answered">Outcomes with text.</param>
/// <param name="Blocked">Outcomes blocked by a content filter.</param>
/// <param name="Empty">Outcomes with no text.</param>
/// <param name="Errors">Outcomes that failed after retries.</param>
/// <param name="InputTokens">Sum of reported prompt tokens.</param>
/// <param name="OutputTokens">Sum of reported completion tokens.</param>
/// <param name="MeanLatency">Mean latency of the outcomes, zero when there are none.</param>
public sealed record RunTotals(int Requests, int Answered, int Blocked, int Empty, int Errors, long InputTokens, long OutputTokens, TimeSpan MeanLatency)
{
    /// <summary>Totals of <paramref name="result"/>.</summary>
    public static RunTotals Of(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var outcomes = result.Outcomes;
        return new RunTotals(
            outcomes.Count,
            outcomes.Count(o => o.Kind == OutcomeKind.Answered),
            outcomes.Count(o => o.Kind == OutcomeKind.Blocked),
            outcomes.Count(o => o.Kind == OutcomeKind.Empty),
            outcomes.Count(o => o.Kind == OutcomeKind.Error),
            outcomes.Sum(o => o.InputTokens ?? 0),
            outcomes.Sum(o => o.OutputTokens ?? 0),
            outcomes.Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)outcomes.Average(o => o.Latency.Ticks)));
    }
}
