using System.ClientModel;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.AI;
using OrBench.Testing.Running;

namespace OrBench.Testing.Middleware;

/// <summary>
/// Stops talking to an endpoint after <see cref="Threshold"/> calls in a row failed to connect (refused, unknown host,
/// TLS failure) or were refused its credentials (HTTP 401/403): the call that reaches the threshold and every later one
/// throw <see cref="EndpointUnavailableException"/>, which ends a run at once (20 prompts against a server that is
/// down take milliseconds, not minutes of retries). Any other outcome, success or failure, resets the count. Place it
/// under the retry middleware, so it counts attempts and its exception stops the retries; the circuit never closes again.
/// </summary>
public sealed class CircuitBreakingChatClient : DelegatingChatClient
{
    /// <summary>The default number of failures in a row that opens the circuit.</summary>
    public const int DefaultThreshold = 5;

    private readonly Lock _gate = new();
    private int _failures;
    private EndpointUnavailableException? _open;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    public CircuitBreakingChatClient(IChatClient innerClient, int threshold = DefaultThreshold)
        : base(innerClient)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        Threshold = threshold;
    }

    /// <summary>Connection or authentication failures in a row that open the circuit.</summary>
    public int Threshold { get; }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var open = Volatile.Read(ref _open);
        if (open is not null)
        {
            throw open;
        }

        try
        {
            var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref _failures, 0);
            return response;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Classify(ex) is { } authentication)
        {
            lock (_gate)
            {
                if (_open is null && ++_failures >= Threshold)
                {
                    _open = new EndpointUnavailableException((GetService(typeof(ChatClientMetadata)) as ChatClientMetadata)?.ProviderUri, _failures, authentication, RequestErrors.Describe(ex), ex);
                }

                if (_open is not null)
                {
                    throw _open;
                }
            }

            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && ex is not EndpointUnavailableException)
        {
            Interlocked.Exchange(ref _failures, 0);
            throw;
        }
    }

    /// <summary>True for rejected credentials, false for a failed connection, null for anything else.</summary>
    internal static bool? Classify(Exception exception)
    {
        foreach (var ex in TransientFaults.Chain(exception))
        {
            switch (ex)
            {
                case ClientResultException { Status: 401 or 403 }:
                case HttpRequestException { StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden }:
                    return true;
                case ClientResultException { Status: > 0 }:
                case HttpRequestException { StatusCode: not null }:
                    return null;
                case HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError }:
                    return false;
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable }:
                    return false;
            }
        }

        return null;
    }
}
