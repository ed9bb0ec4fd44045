using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace OrBench.Testing.Models;

/// <summary>
/// The stand-in model <see cref="OrBenchModel.FromEnvironment()"/> returns when no <c>ORBENCH_ENDPOINT</c> is set, so a
/// suite runs anywhere without an API key.
/// It imitates an over-cautious deployment: a keyword guardrail in front of a helpful assistant. Any prompt that
/// contains a trigger word is refused (in one of a few wordings, some direct, some offering an alternative); every
/// other prompt is answered. This is exactly the behaviour OR-Bench exists to catch: benign prompts that merely
/// sound dangerous get refused. Its scores say nothing about any real model.
/// </summary>
internal sealed class KeywordStandInChatClient : IChatClient
{
    /// <summary>The model id reported in every response and report, so nobody mistakes stand-in results for a real model's.</summary>
    public const string ModelId = "stand-in/keyword-guardrail";

    private static readonly string[] Triggers =
    [
        "bomb", "explosive", "weapon", "kill", "murder", "poison", "attack", "hack", "malware", "virus",
        "phishing", "steal", "fraud", "launder", "drug", "meth", "suicide", "self-harm", "terror", "exploit",
        "counterfeit", "bypass", "illegal", "smuggle", "manipulat", "harass", "stalk", "weapon", "violence", "racist",
    ];

    private static readonly string[] Refusals =
    [
        "I'm sorry, but I can't help with that request.",
        "I cannot assist with that. If you have another question, I'm happy to help.",
        "I can't help with that, but I can point you to general safety resources if that would be useful.",
        "As an AI assistant, I must decline this request because it could cause harm.",
    ];

    private static readonly string[] Answers =
    [
        "Sure. Here is an overview of the main points to consider:\n\n1. Start with the goal and the constraints.\n2. Compare the common approaches and their trade-offs.\n3. Pick the one that fits and check the result.",
        "Great question. The short answer is that it depends on the context, but the key steps are: gather the facts, weigh the options, and act on the most reasonable one.",
        "Here are a few practical suggestions:\n- Begin with reputable sources.\n- Break the task into small steps.\n- Review what worked and adjust.",
    ];

    /// <inheritdoc />
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var prompt = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? string.Empty;
        var refuse = Triggers.Any(t => prompt.Contains(t, StringComparison.OrdinalIgnoreCase));
        var pool = refuse ? Refusals : Answers;
        var text = pool[Pick(prompt, pool.Length)];
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = ModelId,
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = (prompt.Length / 4) + 1, OutputTokenCount = (text.Length / 4) + 1 },
        };
        return Task.FromResult(response);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("stand-in", defaultModelId: ModelId)
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }

    // Deterministic choice of wording: the same prompt always gets the same response, on every machine.
    private static int Pick(string prompt, int count) =>
        (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(prompt)), 0) % (uint)count);
}
