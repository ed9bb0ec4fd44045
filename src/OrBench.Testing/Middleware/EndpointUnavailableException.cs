namespace OrBench.Testing.Middleware;

/// <summary>
/// Requests to one endpoint failed in a row in a way no retry or later prompt can fix: the connection was refused or
/// the name did not resolve, or the server rejected the credentials (HTTP 401/403). Thrown by
/// <see cref="CircuitBreakingChatClient"/> for the failure that opened the circuit and for every call after it, so
/// a run stops at once instead of recording every prompt as an error. Names the endpoint and the last failure.
/// </summary>
public sealed class EndpointUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EndpointUnavailableException()
        : base("The endpoint is unavailable.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EndpointUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public EndpointUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="failures"/> failures in a row at <paramref name="endpoint"/>.</summary>
    /// <param name="endpoint">The endpoint, when the client reports it (<c>ChatClientMetadata.ProviderUri</c>).</param>
    /// <param name="failures">Failures in a row.</param>
    /// <param name="authentication">True when the server rejected the credentials, false when it could not be reached.</param>
    /// <param name="reason">The last failure, one line, credentials removed.</param>
    /// <param name="innerException">The last failure.</param>
    public EndpointUnavailableException(Uri? endpoint, int failures, bool authentication, string reason, Exception innerException)
        : base($"stopped after {failures} requests in a row {(authentication ? "were refused by" : "could not reach")} {endpoint?.ToString() ?? "the endpoint"}: {reason}", innerException)
    {
        Endpoint = endpoint;
        Failures = failures;
        IsAuthentication = authentication;
        Reason = reason;
    }

    /// <summary>The endpoint, when known.</summary>
    public Uri? Endpoint { get; }

    /// <summary>Failures in a row when the circuit opened.</summary>
    public int Failures { get; }

    /// <summary>True for rejected credentials (401/403), false for an endpoint that could not be reached.</summary>
    public bool IsAuthentication { get; }

    /// <summary>The last failure, one line.</summary>
    public string Reason { get; } = string.Empty;
}
