using Microsoft.Extensions.AI;
using OrBench.Testing.Middleware;

namespace OrBench.Testing.Running;

/// <summary>Turns a response or a failure into a <see cref="PromptOutcome"/>; the one place that decides Answered/Blocked/Empty/Error.</summary>
internal static class OutcomeFactory
{
    /// <summary>
    /// Blocked for a content-filter finish (a structured signal, never a phrase in the text), Empty for blank text,
    /// Answered otherwise; Error when the response holds no message at all (a client that read empty <c>choices</c>).
    /// Registered secrets (<see cref="Secrets.Register"/>) are removed from the text.
    /// </summary>
    public static PromptOutcome FromResponse(string promptId, int repeat, ChatResponse response, TimeSpan latency)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Messages.Count == 0 && response.FinishReason is null)
        {
            return FromException(promptId, repeat, new ProtocolViolationException("the response holds no message and no finish reason (empty 'choices')"), latency);
        }

        var text = Secrets.ScrubRegistered(response.Text);
        var blocked = ContentFilters.IsBlocked(response);
        var kind = blocked ? OutcomeKind.Blocked : string.IsNullOrWhiteSpace(text) ? OutcomeKind.Empty : OutcomeKind.Answered;
        string? message = null;
        if (blocked && response.AdditionalProperties?.TryGetValue(ContentFilters.BlockedMessageProperty, out var value) == true)
        {
            message = Secrets.Scrub(value?.ToString());
        }

        return new PromptOutcome
        {
            PromptId = promptId,
            Repeat = repeat,
            Kind = kind,
            Text = string.IsNullOrEmpty(text) ? null : text,
            Error = blocked ? message ?? "Blocked by the provider's content filter." : null,
            FinishReason = response.FinishReason?.Value,
            ModelId = response.ModelId,
            Latency = latency,
            InputTokens = response.Usage?.InputTokenCount,
            OutputTokens = response.Usage?.OutputTokenCount,
        };
    }

    /// <summary>
    /// Blocked when the failure is a structured provider content-filter signal (<see cref="ContentFilters.IsContentFilterException"/>),
    /// Error otherwise, with a one-line reason naming the HTTP status or the protocol violation (credentials removed).
    /// </summary>
    public static PromptOutcome FromException(string promptId, int repeat, Exception exception, TimeSpan latency)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var blocked = ContentFilters.IsContentFilterException(exception);
        return new PromptOutcome
        {
            PromptId = promptId,
            Repeat = repeat,
            Kind = blocked ? OutcomeKind.Blocked : OutcomeKind.Error,
            Error = blocked ? Secrets.Scrub(exception.Message) : RequestErrors.Describe(exception),
            FinishReason = blocked ? ChatFinishReason.ContentFilter.Value : null,
            Latency = latency,
        };
    }
}
