using OrBench.Testing.Classification;
using OrBench.Testing.Running;

namespace OrBench.Testing.Results;

/// <summary>
/// The records that carry no decision about the model, by cause: a failed request (the model was never heard) or a
/// failed classification (the model answered, but the judge was unreachable or its reply unreadable). Kept apart so
/// that a broken judge is never reported as a broken model, and vice versa; <see cref="Total"/> is what
/// <see cref="ErrorPolicy"/> decides about. stdout, results.json and reports show these same numbers.
/// </summary>
/// <param name="Request">Records whose request failed (<see cref="OutcomeKind.Error"/>).</param>
/// <param name="Classification">Records with a response but no readable verdict (<see cref="VerdictLabel.Error"/> or <see cref="VerdictLabel.Unparsed"/>).</param>
public sealed record ErrorCounts(int Request, int Classification)
{
    /// <summary>Request and classification errors together.</summary>
    public int Total => Request + Classification;

    /// <summary>Counts the errors of <paramref name="records"/>.</summary>
    public static ErrorCounts Of(IEnumerable<PromptRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        int request = 0, classification = 0;
        foreach (var record in records)
        {
            if (IsRequestError(record))
            {
                request++;
            }
            else if (IsClassificationError(record))
            {
                classification++;
            }
        }

        return new ErrorCounts(request, classification);
    }

    /// <summary>Counts the errors of <paramref name="result"/>.</summary>
    public static ErrorCounts Of(OrBenchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Of(result.Records);
    }

    /// <summary>True when the request failed: the model gave no answer to judge.</summary>
    public static bool IsRequestError(PromptRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Outcome == OutcomeKind.Error;
    }

    /// <summary>True when the model's response exists but no verdict could be read for it.</summary>
    public static bool IsClassificationError(PromptRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Outcome != OutcomeKind.Error && !record.Verdict.IsDecided();
    }
}
