namespace OrBench.Testing.Middleware;

/// <summary>A wait before a retry, reported through <see cref="RetryOptions.OnRetry"/> so progress can say what it is waiting for.</summary>
/// <param name="Delay">How long the wait is.</param>
/// <param name="NextAttempt">The 1-based number of the attempt that follows the wait.</param>
/// <param name="MaxAttempts">Attempts in all (<see cref="RetryOptions.MaxAttempts"/>).</param>
/// <param name="Reason">The failure being retried, one line, credentials removed (e.g. <c>HTTP 429: Rate limit reached</c>).</param>
/// <param name="ServerAsked">True when the server asked for the wait (<c>Retry-After</c>), false for the computed backoff.</param>
public sealed record RetryWait(TimeSpan Delay, int NextAttempt, int MaxAttempts, string Reason, bool ServerAsked);
