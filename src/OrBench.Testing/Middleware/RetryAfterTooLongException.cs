using System.Globalization;

namespace OrBench.Testing.Middleware;

/// <summary>
/// The server asked to wait (<c>Retry-After</c>) longer than <see cref="RetryOptions.MaxRetryAfter"/> or than the
/// request has left before its timeout. The wait is not honoured and the request is not retried: waiting could only
/// end in a timeout. Names the wait asked for and the bound.
/// </summary>
public sealed class RetryAfterTooLongException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RetryAfterTooLongException()
        : base("The server asked to wait longer than allowed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RetryAfterTooLongException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public RetryAfterTooLongException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a wait of <paramref name="requested"/> against <paramref name="allowed"/>.</summary>
    /// <param name="requested">The wait the server asked for.</param>
    /// <param name="allowed">The longest wait allowed now.</param>
    /// <param name="bound">What set <paramref name="allowed"/>, e.g. "MaxRetryAfter" or "the time left of the request timeout".</param>
    /// <param name="innerException">The failure that carried the header (usually an HTTP 429).</param>
    public RetryAfterTooLongException(TimeSpan requested, TimeSpan allowed, string bound, Exception innerException)
        : base(string.Create(CultureInfo.InvariantCulture, $"not retried: the server asked to wait {Describe(requested)} (Retry-After), more than {bound} ({Describe(allowed)})"), innerException)
    {
        Requested = requested;
        Allowed = allowed;
    }

    /// <summary>The wait the server asked for (capped at one day when it asked for more).</summary>
    public TimeSpan Requested { get; }

    /// <summary>The longest wait that was allowed.</summary>
    public TimeSpan Allowed { get; }

    internal static string Describe(TimeSpan wait) => wait >= TimeSpan.FromDays(1)
        ? "a day or more"
        : wait.TotalSeconds >= 10
            ? string.Create(CultureInfo.InvariantCulture, $"{wait.TotalSeconds:0} s")
            : string.Create(CultureInfo.InvariantCulture, $"{wait.TotalSeconds:0.0##} s");
}
