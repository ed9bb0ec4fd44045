using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OrBench.Testing.Middleware;
using OrBench.Tool.Cli;

namespace OrBench.Tool.Composition;

/// <summary>
/// Creates the raw <see cref="IChatClient"/> for an OpenAI-compatible endpoint. The OpenAI client's own retries are
/// switched off (<see cref="ClientRetryPolicy"/> with zero retries) because the Run stage's Polly middleware retries;
/// stacking both would multiply attempts and ignore our bounded backoff. Every response passes a
/// <see cref="ResponseGuardHandler"/> (size cap, and a completion must be a completion), and the key is registered with
/// <see cref="Secrets.Register"/> so no echo of it is ever written or printed.
/// </summary>
internal static class EndpointClients
{
    /// <summary>Sent when no key is configured: local servers (vLLM, Ollama, llama.cpp) ignore it, but the client needs one.</summary>
    public const string NoKeyPlaceholder = "no-key";

    /// <param name="endpoint">The server's base URL.</param>
    /// <param name="model">The model name sent with every request.</param>
    /// <param name="apiKey">The key; only ever placed in the Authorization header by the OpenAI client.</param>
    /// <param name="requestTimeout">The attempt timeout of the retry middleware; the client's network timeout is a little longer so the middleware's fires first and is retried.</param>
    /// <param name="maxResponseBytes">The largest response body read; a larger one ends the prompt as an error naming the size.</param>
    public static IChatClient Create(Uri endpoint, string model, string apiKey, TimeSpan requestTimeout, long maxResponseBytes = ResponseGuardHandler.DefaultMaxResponseBytes)
    {
        if (apiKey != NoKeyPlaceholder)
        {
            Secrets.Register(apiKey);
        }

        var network = requestTimeout + TimeSpan.FromSeconds(5);
#pragma warning disable CA2000 // The HTTP client lives as long as the chat client (one per command run).
        var http = new HttpClient(new ResponseGuardHandler { MaxResponseBytes = maxResponseBytes }) { Timeout = network };
#pragma warning restore CA2000
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = network,
            Transport = new HttpClientPipelineTransport(http),
        };
        return new OpenAIClient(new ApiKeyCredential(apiKey), options).GetChatClient(model).AsIChatClient();
    }

    /// <summary>
    /// Reads the API key from the variable named by <paramref name="variable"/>. A variable the user named explicitly
    /// must be set; the default variable may be unset (local servers need no key).
    /// </summary>
    public static string ResolveApiKey(ToolConsole console, string variable, bool explicitlyNamed, string optionName)
    {
        var key = console.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(key))
        {
            return key;
        }

        if (!explicitlyNamed)
        {
            return NoKeyPlaceholder;
        }

        // A key pasted where the variable's name belongs ("--api-key-env sk-proj-...") must not be echoed into CI logs:
        // only a conventional variable name (upper case, digits, underscores) is repeated back.
        throw new UsageException(LooksLikeVariableName(variable)
            ? $"environment variable {variable} (named by {optionName}) is not set"
            : $"{optionName} takes the NAME of an environment variable (upper-case letters, digits, _) that holds the key, not the key itself; no such variable is set (the value is not shown in case it is a key)");
    }

    private static bool LooksLikeVariableName(string value) =>
        value.Length is > 0 and <= 128 && !char.IsAsciiDigit(value[0]) && value.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_');
}
