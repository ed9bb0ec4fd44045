using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace OrBench.TestSupport.Chat;

/// <summary>
/// The one in-process <see cref="IChatClient"/> stand-in of the tests (the loopback <c>OpenAiStubServer</c> is the HTTP
/// one): answers through a delegate — a pure function of the prompt, so concurrency cannot change results — records every
/// request, and can be told to throw, or to fail from a given call on (a crash, or a kill mid-run).
/// </summary>
public sealed class StubChatClient : IChatClient
{
    private readonly Func<IEnumerable<ChatMessage>, ChatOptions?, CancellationToken, Task<ChatResponse>>? _respond;
    private readonly Func<string, string>? _answer;
    private int _calls;

    /// <summary>A client whose answer is <c>ok: </c> and the last message's text.</summary>
    public StubChatClient()
    {
    }

    /// <summary>A client that answers with <paramref name="respond"/> (the whole response: usage, finish reason, delays).</summary>
    public StubChatClient(Func<IEnumerable<ChatMessage>, ChatOptions?, CancellationToken, Task<ChatResponse>>? respond)
    {
        _respond = respond;
    }

    /// <summary>A client that answers <paramref name="answer"/>(prompt), the prompt being the messages' texts joined by newlines; reports token usage of a quarter of the characters.</summary>
    public StubChatClient(Func<string, string> answer)
    {
        _answer = answer;
    }

    /// <summary>Like <see cref="StubChatClient(Func{string, string})"/>, reporting <paramref name="name"/> as its model (<see cref="ChatClientMetadata.DefaultModelId"/>).</summary>
    public StubChatClient(string name, Func<string, string> answer)
        : this(answer)
    {
        Name = name;
    }

    /// <summary>The model name the client reports, or null when it reports no metadata.</summary>
    public string? Name { get; }

    /// <summary>Thrown by every call instead of answering.</summary>
    public Exception? Throw { get; init; }

    /// <summary>Throw <see cref="InvalidOperationException"/> (a model error) on this 1-based call number and every later one.</summary>
    public int? FailFromCall { get; init; }

    /// <summary>When set, a failing call instead cancels this source and throws: the process being killed mid-run.</summary>
    public CancellationTokenSource? Kill { get; init; }

    /// <summary>Every request, in arrival order.</summary>
    public List<(List<ChatMessage> Messages, ChatOptions? Options)> Requests { get; } = [];

    /// <summary>The prompts (joined message texts) that got an answer.</summary>
    public ConcurrentBag<string> AnsweredPrompts { get; } = [];

    /// <summary>The options of the requests that got an answer.</summary>
    public ConcurrentBag<ChatOptions?> Options { get; } = [];

    /// <summary>Calls so far, answered or not.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <inheritdoc />
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var call = Interlocked.Increment(ref _calls);
        var list = messages.ToList();
        lock (Requests)
        {
            Requests.Add((list, options));
        }

        if (Throw is not null)
        {
            throw Throw;
        }

        if (call >= FailFromCall && Kill is not null)
        {
            Kill.Cancel();
            throw new OperationCanceledException($"{Name}: simulated kill on call {call}.", Kill.Token);
        }

        if (call >= FailFromCall)
        {
            throw new InvalidOperationException($"{Name}: simulated crash on call {call}.");
        }

        if (_respond is not null)
        {
            return _respond(list, options, cancellationToken);
        }

        if (_answer is null)
        {
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok: " + list[^1].Text)));
        }

        var prompt = string.Join("\n", list.Select(m => m.Text));
        var text = _answer(prompt);
        AnsweredPrompts.Add(prompt);
        Options.Add(options);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            Usage = new UsageDetails { InputTokenCount = prompt.Length / 4, OutputTokenCount = text.Length / 4 },
        });
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) && Name is not null ? new ChatClientMetadata("stub", null, Name)
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
