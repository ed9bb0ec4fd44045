using Microsoft.Extensions.AI;

namespace OrBench.Testing.Middleware;

/// <summary>
/// Sits under the response cache in <see cref="ResponseCacheMode.ReplayOnly"/>: any request that reaches it is a
/// cache miss, so it fails with <see cref="ReplayMissException"/> instead of calling the model.
/// </summary>
public sealed class ReplayOnlyChatClient(IChatClient innerClient) : DelegatingChatClient(innerClient)
{
    /// <inheritdoc />
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var prompt = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text;
        var shown = prompt is null ? "(no user message)" : prompt.Length > 80 ? string.Concat(prompt.AsSpan(0, 80), "…") : prompt;
        throw new ReplayMissException($"Replay-only cache has no recorded response for the prompt \"{shown}\".") { PromptText = prompt };
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var prompt = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text;
        throw new ReplayMissException("Replay-only cache has no recorded response for a streaming request.") { PromptText = prompt };
    }
}
