using Microsoft.Extensions.AI;

namespace OrBench.Testing.Middleware;

/// <summary>
/// Removes the values given to <see cref="Secrets.Register"/> from every response text before anything above it (a
/// response cache, the runner, records, reports) sees it: a server that echoes the caller's key in its answer cannot
/// get it written anywhere. Place it innermost, right over the provider's client.
/// </summary>
public sealed class SecretScrubbingChatClient(IChatClient innerClient) : DelegatingChatClient(innerClient)
{
    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var message in response.Messages)
        {
            for (var i = 0; i < message.Contents.Count; i++)
            {
                if (message.Contents[i] is TextContent text && text.Text is { Length: > 0 } value)
                {
                    var scrubbed = Secrets.ScrubRegistered(value);
                    if (!ReferenceEquals(scrubbed, value))
                    {
                        message.Contents[i] = new TextContent(scrubbed);
                    }
                }
            }
        }

        return response;
    }
}
