using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace OrBench.Testing.Tests.Generation;

/// <summary>
/// A deterministic chat client: the answer is a pure function of the prompt, so concurrency cannot change results.
/// Records every answered prompt; can be told to throw on a given call to simulate a crash.
/// </summary>
internal sealed class ScriptedChatClient(string name, Func<string, string> answer) : IChatClient
{
    private int _calls;

    public string Name { get; } = name;

    /// <summary>Throw <see cref="InvalidOperationException"/> (a model error) on this 1-based call number (and every later one).</summary>
    public int? FailFromCall { get; init; }

    /// <summary>When set, a failing call instead cancels this source and throws: the process being killed mid-run.</summary>
    public CancellationTokenSource? Kill { get; init; }

    public ConcurrentBag<string> AnsweredPrompts { get; } = [];

    public ConcurrentBag<ChatOptions?> Options { get; } = [];

    public int Calls => Volatile.Read(ref _calls);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var call = Interlocked.Increment(ref _calls);
        if (call >= FailFromCall && Kill is not null)
        {
            Kill.Cancel();
            throw new OperationCanceledException($"{Name}: simulated kill on call {call}.", Kill.Token);
        }

        if (call >= FailFromCall)
        {
            throw new InvalidOperationException($"{Name}: simulated crash on call {call}.");
        }

        var prompt = string.Join("\n", messages.Select(m => m.Text));
        var text = answer(prompt);
        AnsweredPrompts.Add(prompt);
        Options.Add(options);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            Usage = new UsageDetails { InputTokenCount = prompt.Length / 4, OutputTokenCount = text.Length / 4 },
        };
        return Task.FromResult(response);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted", null, Name) : null;

    public void Dispose()
    {
    }
}
