namespace OrBench.Testing.Middleware;

/// <summary>
/// When the request in flight on this async flow must be done by: set by the runner from
/// <c>RunOptions.RequestTimeout</c>, read by <see cref="RetryingChatClient"/> so that a <c>Retry-After</c> is honoured
/// only up to the time the request has left. Null outside a run or without a request timeout.
/// </summary>
internal static class RequestDeadline
{
    private static readonly AsyncLocal<DateTimeOffset?> Deadline = new();

    /// <summary>The deadline of the current request (UTC), or null.</summary>
    public static DateTimeOffset? Current
    {
        get => Deadline.Value;
        set => Deadline.Value = value;
    }
}
