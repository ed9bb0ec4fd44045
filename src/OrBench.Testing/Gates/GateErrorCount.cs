namespace OrBench.Testing.Gates;

/// <summary>One kind of error in a gate's scope and how often it occurred, for the message of an undecided gate.</summary>
/// <param name="Kind"><c>request</c> (the model was not reached or answered unreadably) or <c>classification</c> (the judge failed).</param>
/// <param name="Message">The error text, one line (untrusted).</param>
/// <param name="Count">How many records ended with it.</param>
public sealed record GateErrorCount(string Kind, string Message, int Count)
{
    /// <summary>E.g. <c>request error "HTTP 503" ×20</c>.</summary>
    public override string ToString() => $"{Kind} error \"{Message}\" ×{Count}";
}
