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
    /// True when the failure means "the provider filtered this request": an HTTP 400 whose error body has
    /// <c>code: content_filter</c> (or Azure's inner code <c>ResponsibleAIPolicyViolation</c>), OpenAI's
    /// <c>invalid_prompt</c> / <c>content_policy_violation</c> saying the prompt broke its usage policy, or an exception
    /// anywhere in the chain whose message names <c>content_filter</c>. Throttling and server errors never match.
    /// </summary>
    public static bool IsContentFilterException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        foreach (var ex in TransientFaults.Chain(exception))
        {
            // Our own failures quote the prompt ("no recorded response for the prompt …"); a prompt that mentions
            // content_filter must not turn a replay miss into a blocked answer (which the cache would then record).
            if (ex is ReplayMissException or ResponseCacheException)
            {
                return false;
            }

            if (ex is ClientResultException cre)
            {
                if (cre.Status is not 0 and not 400)
                {
                    return false;
                }

                if (BodySaysFiltered(cre))
                {
                    return true;
                }
            }

            if (ex is HttpRequestException { StatusCode: { } status } && (int)status != 400)
            {
                return false;
            }

            if (MessageSaysFiltered(ex.Message))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool MessageSaysFiltered(string? message) =>
        message is not null &&
        (message.Contains("content_filter", StringComparison.OrdinalIgnoreCase) ||
         message.Contains("ResponsibleAIPolicyViolation", StringComparison.Ordinal) ||
         message.Contains("flagged as potentially violating", StringComparison.OrdinalIgnoreCase));

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

            if (IsFilterCode(error, "code"))
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
            return MessageSaysFiltered(body);
        }
    }

    private static bool IsFilterCode(JsonElement element, string property) =>
        element.TryGetProperty(property, out var code) && code.ValueKind == JsonValueKind.String &&
        code.GetString() is "content_filter" or "ResponsibleAIPolicyViolation";
}
