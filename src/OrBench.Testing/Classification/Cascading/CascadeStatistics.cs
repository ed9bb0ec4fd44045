namespace OrBench.Testing.Classification.Cascading;

/// <summary>A snapshot of what a <see cref="CascadeClassifier"/> has done, for reports and cost tracking.</summary>
/// <param name="Classified">Responses classified (including blocked/empty/error ones, which never reach a classifier).</param>
/// <param name="JudgeCalls">Responses sent to the judge.</param>
/// <param name="JudgeFailures">Judge calls that ended in an error or an unreadable reply.</param>
public sealed record CascadeStatistics(long Classified, long JudgeCalls, long JudgeFailures)
{
    /// <summary>Share of classified responses that needed the judge.</summary>
    public double JudgeShare => Classified == 0 ? 0 : (double)JudgeCalls / Classified;
}
