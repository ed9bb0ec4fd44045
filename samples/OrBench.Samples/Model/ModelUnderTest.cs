using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;

namespace OrBench.Samples.Model;

/// <summary>
/// The model the suite tests, chosen from the environment: any OpenAI-compatible server (OpenAI, Azure OpenAI's
/// v1 endpoint, vLLM, Ollama, LM Studio) through ORBENCH_ENDPOINT, ORBENCH_MODEL and ORBENCH_API_KEY; without
/// ORBENCH_ENDPOINT, the <see cref="KeywordGuardrailChatClient"/> stand-in. Shared by every test class as a fixture.
/// </summary>
public sealed class ModelUnderTest : IDisposable
{
    /// <summary>Reads the environment once.</summary>
    public ModelUnderTest()
    {
        var endpoint = Environment.GetEnvironmentVariable("ORBENCH_ENDPOINT");
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            IsStandIn = true;
            Name = KeywordGuardrailChatClient.ModelId;
            Client = new KeywordGuardrailChatClient();
            return;
        }

        Name = Environment.GetEnvironmentVariable("ORBENCH_MODEL") is { Length: > 0 } model
            ? model
            : throw new InvalidOperationException("ORBENCH_ENDPOINT is set but ORBENCH_MODEL is not: name the model to test.");

        // Local servers (vLLM, Ollama) accept any key; the OpenAI client insists on a non-empty one.
        var key = Environment.GetEnvironmentVariable("ORBENCH_API_KEY") is { Length: > 0 } k ? k : "no-key";
        var options = new OpenAIClientOptions
        {
            Endpoint = new Uri(endpoint),
            NetworkTimeout = TimeSpan.FromMinutes(2),
        };
        Client = new OpenAIClient(new ApiKeyCredential(key), options).GetChatClient(Name).AsIChatClient();
    }

    /// <summary>The model's chat client, without middleware (each test composes what it needs).</summary>
    public IChatClient Client { get; }

    /// <summary>The model name shown in reports.</summary>
    public string Name { get; }

    /// <summary>True when no endpoint is configured and the stand-in answers.</summary>
    public bool IsStandIn { get; }

    /// <inheritdoc />
    public void Dispose() => Client.Dispose();
}
