namespace OrBench.TestSupport.OpenAi;

/// <summary>A request the stub received, for tests that check what the client sent.</summary>
public sealed record StubRequest
{
    /// <summary>The <c>model</c> field.</summary>
    public string? Model { get; init; }

    /// <summary>The text of the last user message.</summary>
    public required string Prompt { get; init; }

    /// <summary>The text of the system message, if any.</summary>
    public string? SystemPrompt { get; init; }

    /// <summary>How many messages were sent.</summary>
    public int MessageCount { get; init; }

    /// <summary>The <c>temperature</c> field.</summary>
    public double? Temperature { get; init; }

    /// <summary>The <c>max_completion_tokens</c> (or legacy <c>max_tokens</c>) field.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>The <c>Authorization</c> header as sent.</summary>
    public string? Authorization { get; init; }

    /// <summary>The raw JSON body.</summary>
    public required string Body { get; init; }

    /// <summary>1-based attempt number for this prompt.</summary>
    public int Attempt { get; init; }

    /// <summary>The fault the script chose.</summary>
    public StubFault Fault { get; init; }
}
