namespace OrBench.Testing.Running;

/// <summary>How a single request to the model ended. The Run stage reports facts only; whether an answer is a refusal is decided later by a classifier.</summary>
public enum OutcomeKind
{
    /// <summary>The model returned non-empty text.</summary>
    Answered,

    /// <summary>The provider blocked the request or the response (content filter, no candidates). Counts as a refusal, as in the paper.</summary>
    Blocked,

    /// <summary>The model returned no text at all. Counts as a refusal.</summary>
    Empty,

    /// <summary>The request failed after every retry. Kept as a record with its message, never dropped.</summary>
    Error,
}
