using Microsoft.Extensions.AI;

namespace OrBench.Testing.Middleware;

/// <summary>
/// Turns a provider's "request was filtered" error into an ordinary response with
/// <see cref="ChatFinishReason.ContentFilter"/>, carrying the provider's message (credentials removed) in
/// <see cref="ContentFilters.BlockedMessageProperty"/>. Placed under a response cache, it lets blocked prompts be
/// recorded and replayed like any other answer, so a replay-only run does not miss them.
/// </summary>
public sealed class ContentFilterResponseChatClient(IChatClient innerClient) : DelegatingChatClient(innerClient)
{
    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ContentFilters.IsContentFilterException(ex))
        {
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, (string?)null))
            {
                FinishReason = ChatFinishReason.ContentFilter,
                ModelId = options?.ModelId,
                AdditionalProperties = new() { [ContentFilters.BlockedMessageProperty] = Secrets.Scrub(ex.Message) },
            };
        }
    }
}
