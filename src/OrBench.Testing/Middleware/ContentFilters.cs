using System.ClientModel;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace OrBench.Testing.Middleware;

/// <summary>
/// Recognises provider content filters, which the paper counts as refusals rather than failures:
/// a <see cref="ChatFinishReason.ContentFilter"/> finish, and errors saying the request was filtered
/// (Azure OpenAI answers HTTP 400 with error code <c>content_filter</c>, which the OpenAI .NET client
/// surfaces as a <see cref="ClientResultException"/>).
/// </summary>
public static class ContentFilters
{
    /// <summary>The key under which a blocked response carries the provider's message (see <see cref="ContentFilterResponseChatClient"/>).</summary>
    public const string BlockedMessageProperty = "orbench.blocked_message";

    /// <summary>True when the response was stopped by a content filter.</summary>
    public static bool IsBlocked(ChatResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.FinishReason == ChatFinishReason.ContentFilter;
    }

    /// <summary>
    /// True when the failure is a structured "the provider filtered this request" signal: an HTTP 400 whose JSON error
    /// body has <c>code</c> (or <c>type</c>) <c>content_filter</c>, Azure's inner code <c>ResponsibleAIPolicyViolation</c> or
    /// its <c>content_filter_result</c>, or OpenAI's <c>invalid_prompt</c> / <c>content_policy_violation</c> code saying the
    /// prompt broke its usage policy. Never a substring of a message or body: a 400 that merely mentions content filters
    /// (<c>Unsupported parameter: 'content_filter_policy'</c>) is a request error, as are throttling and server errors.
    /// </summary>
    public static bool IsContentFilterException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        foreach (var ex in TransientFaults.Chain(exception))
        {
            switch (ex)
            {
                case ReplayMissException or ResponseCacheException or ProtocolViolationException or ResponseTooLargeException:
                    return false;
                case ClientResultException { Status: 400 } cre:
                    return BodySaysFiltered(cre);
                case ClientResultException { Status: not 0 }:
                case HttpRequestException:
                    return false;
            }
        }

        return false;
    }

    private static bool BodySaysFiltered(ClientResultException exception)
    {
        string? body;
        try
        {
            body = exception.GetRawResponse()?.Content?.ToString();
        }
        catch (InvalidOperationException)
        {
            return false; // The body was streamed and not buffered; fall back to the message.
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            if (IsFilterCode(error, "code") || IsFilterCode(error, "type"))
            {
                return true;
            }

            // OpenAI's own block (reasoning models): HTTP 400, code invalid_prompt, "your prompt was flagged as
            // potentially violating our usage policy". The same code with another message is a malformed request.
            if (error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String &&
                code.GetString() is "invalid_prompt" or "content_policy_violation" &&
                error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String &&
                message.GetString() is { } text &&
                (text.Contains("usage polic", StringComparison.OrdinalIgnoreCase) || text.Contains("safety", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            return error.TryGetProperty("innererror", out var inner) && inner.ValueKind == JsonValueKind.Object &&
                   (IsFilterCode(inner, "code") || inner.TryGetProperty("content_filter_result", out _));
        }
        catch (JsonException)
        {
            return false; // Not a structured error: whatever the text says, it is not a filter signal.
        }
    }

    private static bool IsFilterCode(JsonElement element, string property) =>
        element.TryGetProperty(property, out var code) && code.ValueKind == JsonValueKind.String &&
        code.GetString() is "content_filter" or "ResponsibleAIPolicyViolation";
}
