namespace OrBench.Testing.Middleware;

/// <summary>
/// How <see cref="RetryingChatClient"/> retries transient faults. The defaults suit a hosted API under load:
/// four attempts in all, exponential backoff from one second with jitter, and the provider's <c>Retry-After</c>
/// honoured when it sends one, up to <see cref="MaxRetryAfter"/> and the time the request has left.
/// </summary>
public sealed record RetryOptions
{
    /// <summary>Attempts in all, the first included. 1 switches retries off.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The first backoff; it doubles with every retry (with jitter).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of a computed backoff.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The longest wait honoured when the provider asks for one (<c>Retry-After</c>, <c>retry-after-ms</c>). A request to
    /// wait longer — or longer than the request has left of the runner's <c>RunOptions.RequestTimeout</c> — is not
    /// honoured and not retried: the call ends at once with <see cref="RetryAfterTooLongException"/> naming the wait.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Called before every wait between attempts, with its length and reason, so progress can say it is waiting and why.</summary>
    public Action<RetryWait>? OnRetry { get; init; }

    /// <summary>
    /// Time allowed to one attempt before it counts as a transient timeout and is retried; null leaves
    /// it to the inner client. This is what turns a hung connection into a retry.
    /// </summary>
    public TimeSpan? AttemptTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>The clock backoff waits on; tests pass a fake one so they never sleep.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Source of jitter in [0, 1); set it for reproducible delays.</summary>
    public Func<double>? Randomizer { get; init; }
}
