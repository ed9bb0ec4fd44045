using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Text;
using Microsoft.Extensions.AI;
using OpenAI;

namespace OrBench.Testing.Tests.Running;

/// <summary>
/// An HTTP handler under the real OpenAI client that answers with scripted raw responses (malformed bodies, odd
/// headers, provider error echoes) the loopback stub has no fault for. No socket is opened.
/// </summary>
internal sealed class ScriptedHttp(Func<int, HttpResponseMessage> respond) : HttpMessageHandler
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    public static string Completion(string? content, string finishReason = "stop")
    {
        var json = content is null ? "null" : System.Text.Json.JsonSerializer.Serialize(content);
        return "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
            + json + "},\"finish_reason\":\"" + finishReason + "\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4,\"total_tokens\":7}}";
    }

    public IChatClient Client(string apiKey = RunTestKit.ApiKey) =>
        new OpenAI.Chat.ChatClient(
            "m",
            new ApiKeyCredential(apiKey),
            new OpenAIClientOptions
            {
                Endpoint = new Uri("http://127.0.0.1:9/v1"),
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                Transport = new HttpClientPipelineTransport(new HttpClient(this)),
            }).AsIChatClient();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(respond(Interlocked.Increment(ref _calls)));
}
