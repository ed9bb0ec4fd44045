using System.ClientModel;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using OrBench.Testing.Middleware;

namespace OrBench.Testing.Running;

/// <summary>
/// The one-line reason recorded for a failed request: the HTTP status and the provider's own message when a server
/// answered, the protocol violation or size cap when the answer was unusable, the connection failure otherwise.
/// Credentials are removed (<see cref="Secrets.Scrub"/>); line breaks become spaces.
/// </summary>
internal static class RequestErrors
{
    private const int MaxLength = 300;

    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        string? described = null;
        foreach (var ex in TransientFaults.Chain(exception))
        {
            described = ex switch
            {
                ProtocolViolationException or ResponseTooLargeException or RetryAfterTooLongException or EndpointUnavailableException => ex.Message,
                ClientResultException { Status: > 0 } cre => Http(cre),
                HttpRequestException { StatusCode: { } status } => string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)status} {status}: {FirstLine(ex.Message)}"),
                HttpRequestException http => $"connection failed ({http.HttpRequestError}): {FirstLine(http.Message)}",
                TimeoutException => FirstLine(ex.Message),
                _ => null,
            };
            if (described is not null)
            {
                break;
            }
        }

        return OneLine(described ?? $"{exception.GetType().Name}: {FirstLine(exception.Message)}");
    }

    public static string OneLine(string? text)
    {
        var line = Secrets.Scrub(text).ReplaceLineEndings(" ").Trim();
        return line.Length <= MaxLength ? line : line[..MaxLength] + "…";
    }

    private static string Http(ClientResultException exception)
    {
        var status = exception.Status;
        var message = ProviderMessage(exception) ?? FirstLine(exception.Message);
        return string.Create(CultureInfo.InvariantCulture, $"HTTP {status}: {message}");
    }

    private static string? ProviderMessage(ClientResultException exception)
    {
        try
        {
            var body = exception.GetRawResponse()?.Content?.ToString();
            if (string.IsNullOrWhiteSpace(body))
            {
                return null;
            }

            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String)
                {
                    return error.GetString();
                }

                if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
                {
                    var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                    return code is null ? message.GetString() : $"{message.GetString()} (code {code})";
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string FirstLine(string message)
    {
        var trimmed = message.Trim();
        var end = trimmed.IndexOfAny(['\r', '\n']);
        return end < 0 ? trimmed : trimmed[..end];
    }
}
