using Microsoft.Extensions.AI;
using Xunit;

namespace OrBench.Testing.Tests.Classification;

/// <summary>A judge stand-in that replies from a script and records every request.</summary>
internal sealed class ScriptedChatClient(Func<string, string> reply) : IChatClient
{
    public List<(List<ChatMessage> Messages, ChatOptions? Options)> Requests { get; } = [];

    public Exception? Throw { get; init; }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        lock (Requests)
        {
            Requests.Add((list, options));
        }

        if (Throw is not null)
        {
            throw Throw;
        }

        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply(list[^1].Text))));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
