using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace OrBench.Testing.Models;

/// <summary>
/// The <see cref="IChatClient"/> of an OpenAI-compatible endpoint. The OpenAI client's own retries are off (zero
/// retries): <see cref="OrBenchModel.CreateClient"/> retries with bounded backoff, and stacking both would multiply attempts.
/// </summary>
internal static class OpenAIEndpointClient
{
    /// <summary>Sent when no key is set: local servers (vLLM, Ollama, llama.cpp) ignore it, but the OpenAI client needs one.</summary>
    public const string NoKeyPlaceholder = "no-key";

    public static IChatClient Create(ModelEndpoint endpoint, string model, string? apiKey, HttpClient? http = null, TimeSpan? networkTimeout = null)
    {
        var key = apiKey ?? NoKeyPlaceholder;
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint.Address,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = networkTimeout ?? TimeSpan.FromMinutes(2),
        };
        if (http is not null)
        {
            options.Transport = new HttpClientPipelineTransport(http);
        }

        if (endpoint.IsAzure && apiKey is not null)
        {
            // Azure's v1 API takes a resource key in the api-key header (the bearer header carries Entra tokens).
            options.AddPolicy(new ApiKeyHeaderPolicy(apiKey), PipelinePosition.PerCall);
        }

        return new OpenAIClient(new ApiKeyCredential(key), options).GetChatClient(model).AsIChatClient();
    }

    private sealed class ApiKeyHeaderPolicy(string key) : PipelinePolicy
    {
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            message.Request.Headers.Set("api-key", key);
            ProcessNext(message, pipeline, currentIndex);
        }

        public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            message.Request.Headers.Set("api-key", key);
            return ProcessNextAsync(message, pipeline, currentIndex);
        }
    }
}
