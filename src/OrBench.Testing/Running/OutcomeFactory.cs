using Microsoft.Extensions.AI;
using OrBench.Testing.Middleware;

namespace OrBench.Testing.Running;

/// <summary>Turns a response or a failure into a <see cref="PromptOutcome"/>; the one place that decides Answered/Blocked/Empty/Error.</summary>
public static class OutcomeFactory
{
    /// <summary>Blocked for a content-filter finish, Empty for blank text, Answered otherwise.</summary>
    public static PromptOutcome FromResponse(string promptId, int repeat, ChatResponse response, TimeSpan latency)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = response.Text;
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

    /// <summary>Blocked when the failure is a provider content filter, Error (with a scrubbed message) otherwise.</summary>
    public static PromptOutcome FromException(string promptId, int repeat, Exception exception, TimeSpan latency)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var blocked = ContentFilters.IsContentFilterException(exception);
        return new PromptOutcome
        {
            PromptId = promptId,
            Repeat = repeat,
            Kind = blocked ? OutcomeKind.Blocked : OutcomeKind.Error,
            Error = Secrets.Scrub(blocked ? exception.Message : $"{exception.GetType().Name}: {exception.Message}"),
            FinishReason = blocked ? ChatFinishReason.ContentFilter.Value : null,
            Latency = latency,
        };
    }
}
