using System.ClientModel;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Polly.Timeout;

namespace OrBench.Testing.Middleware;

/// <summary>
/// Decides which failures are worth another attempt and how long the provider asked us to wait.
/// Shared by <see cref="RetryingChatClient"/> and anyone composing their own Polly pipeline, so every
/// retry in a run agrees on what "transient" means.
/// </summary>
public static class TransientFaults
{
    /// <summary>
    /// True for throttling (HTTP 429), request timeouts (408), server errors (5xx), attempt timeouts and
    /// broken connections. False for content filters, other client errors and the caller's own cancellation,
    /// because repeating those cannot succeed.
    /// </summary>
    /// <param name="exception">The failure of one attempt.</param>
    /// <param name="callerToken">The caller's token: a cancellation it requested is never retried.</param>
    public static bool IsTransient(Exception exception, CancellationToken callerToken = default)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (callerToken.IsCancellationRequested || ContentFilters.IsContentFilterException(exception))
        {
            return false;
        }

        foreach (var ex in Chain(exception))
        {
            switch (ex)
            {
                // Decided failures that wrap the transient one they were made from.
                case RetryAfterTooLongException or EndpointUnavailableException or ProtocolViolationException or ResponseTooLargeException:
                    return false;
                case ClientResultException { Status: > 0 } cre:
                    return IsTransientStatus(cre.Status);
                case HttpRequestException { StatusCode: { } status }:
                    return IsTransientStatus((int)status);
                case HttpRequestException:
                case IOException:
                case SocketException:
                case TimeoutException:
                case TimeoutRejectedException:
                    return true;
                case OperationCanceledException:
                    // Not the caller's token (checked above): an HTTP or attempt timeout.
                    return true;
            }
        }

        return false;
    }

    /// <summary>True for 408, 429 and every 5xx status.</summary>
    public static bool IsTransientStatus(int status) =>
        status is (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or >= 500 and < 600;

    /// <summary>
    /// The wait the provider asked for, read from the raw response of a <see cref="ClientResultException"/>
    /// (the OpenAI and Azure clients surface it there): <c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c>, then
    /// <c>Retry-After</c> as delta-seconds or an HTTP date. Null when the failure carries no such header.
    /// </summary>
    public static TimeSpan? GetRetryAfter(Exception exception, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        foreach (var ex in Chain(exception))
        {
            if (ex is ClientResultException cre && cre.GetRawResponse() is { } response)
            {
                response.Headers.TryGetValue("retry-after-ms", out var ms);
                if (ms is null)
                {
                    response.Headers.TryGetValue("x-ms-retry-after-ms", out ms);
                }

                response.Headers.TryGetValue("Retry-After", out var retryAfter);
                var parsed = ParseRetryAfter(retryAfter, ms, (timeProvider ?? TimeProvider.System).GetUtcNow());
                if (parsed is not null)
                {
                    return parsed;
                }
            }
        }

        return null;
    }

    /// <summary>Parses the header values; milliseconds win over <c>Retry-After</c>. Negative waits become zero; waits beyond a day become a day.</summary>
    internal static TimeSpan? ParseRetryAfter(string? retryAfter, string? retryAfterMs, DateTimeOffset now)
    {
        if (double.TryParse(retryAfterMs, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
        {
            return Clamp(millis / 1000);
        }

        if (string.IsNullOrWhiteSpace(retryAfter))
        {
            return null;
        }

        if (double.TryParse(retryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && !double.IsNaN(seconds))
        {
            return seconds >= 0 ? Clamp(seconds) : TimeSpan.Zero;
        }

        if (DateTimeOffset.TryParseExact(retryAfter.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    // A provider may send any number ("1e15", "Infinity"); TimeSpan.FromSeconds would throw OverflowException and
    // replace the 429 with a non-retryable error. Anything beyond a day is "very long": the caller caps it anyway.
    private static TimeSpan Clamp(double seconds) =>
        seconds >= TimeSpan.FromDays(1).TotalSeconds ? TimeSpan.FromDays(1) : TimeSpan.FromSeconds(seconds);

    internal static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);
        var seen = 0;
        while (pending.Count > 0 && seen++ < 32)
        {
            var ex = pending.Pop();
            yield return ex;
            if (ex is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.Reverse())
                {
                    pending.Push(inner);
                }
            }
            else if (ex.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
