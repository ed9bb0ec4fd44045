using Microsoft.Extensions.AI;
using OrBench.Testing.Data;

namespace OrBench.Testing.Running;

/// <summary>Builds the request the paper's protocol sends for one prompt, from <see cref="RunOptions"/>.</summary>
public static class RunProtocol
{
    /// <summary>The key of <see cref="ChatOptions.AdditionalProperties"/> that tells repeats apart (only when <see cref="RunOptions.Repeats"/> is above 1), so a response cache keeps one entry per repeat.</summary>
    public const string RepeatProperty = "orbench_repeat";

    /// <summary>An optional system message, then one user message holding the raw prompt.</summary>
    public static IReadOnlyList<ChatMessage> CreateMessages(OrBenchPrompt prompt, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(options);
        return options.SystemPrompt is { } system
            ? [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, prompt.Text)]
            : [new ChatMessage(ChatRole.User, prompt.Text)];
    }

    /// <summary>
    /// A fresh <see cref="ChatOptions"/>: <see cref="RunOptions.ChatOptions"/> when given (its values win), with
    /// temperature and output-token limit filled in from the protocol where it leaves them unset.
    /// </summary>
    public static ChatOptions CreateChatOptions(RunOptions options, int repeat = 0)
    {
        ArgumentNullException.ThrowIfNull(options);
        var chat = options.ChatOptions?.Clone() ?? new ChatOptions();
        chat.Temperature ??= options.Temperature;
        chat.MaxOutputTokens ??= options.MaxOutputTokens;
        if (options.Repeats > 1)
        {
            chat.AdditionalProperties ??= [];
            chat.AdditionalProperties[RepeatProperty] = repeat;
        }

        return chat;
    }
}
