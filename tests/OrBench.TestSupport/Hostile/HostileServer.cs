using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OrBench.TestSupport.Hostile;

/// <summary>
/// A loopback server at <c>POST /v1/chat/completions</c> that misbehaves in one chosen <see cref="HostileMode"/>: the
/// attacker's and the broken gateway's side of the reliability tests (docs/reliability.md). Listens on 127.0.0.1 only;
/// every response is written at once (nothing waits), and disposing stops it within five seconds.
/// </summary>
public sealed class HostileServer : IAsyncDisposable
{
    /// <summary>The size of the completion text in <see cref="HostileMode.HugeBody"/>: 3 MiB, above a 1 MiB cap.</summary>
    public const int HugeBodyBytes = 3 * 1024 * 1024;

    /// <summary>The header in which <see cref="HostileMode.KeyEcho"/> returns the caller's key.</summary>
    public const string EchoHeader = "X-Echoed-Authorization";

    private readonly WebApplication _app;
    private int _calls;

    private HostileServer(WebApplication app, HostileMode mode)
    {
        _app = app;
        Mode = mode;
    }

    /// <summary>The misbehaviour in force; tests may switch it between runs.</summary>
    public HostileMode Mode { get; set; }

    /// <summary>The base address to give an OpenAI client, e.g. <c>http://127.0.0.1:41234/v1</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Requests received.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Starts the server on a free loopback port.</summary>
    public static async Task<HostileServer> StartAsync(HostileMode mode, CancellationToken cancellationToken = default)
    {
        HostileServer? server = null;
        var (app, baseAddress) = await LoopbackHost.StartAsync(
            app => app.MapPost("/v1/chat/completions", (HttpContext context) => server!.HandleAsync(context)),
            cancellationToken: cancellationToken);
        server = new HostileServer(app, mode) { Endpoint = new Uri(baseAddress, "v1") };
        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Requests still open are abandoned; the host is disposed below.
        }

        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var call = Interlocked.Increment(ref _calls);
        var aborted = context.RequestAborted;
        var prompt = await ReadPromptAsync(context.Request, aborted);
        var response = context.Response;
        switch (Mode)
        {
            case HostileMode.Normal:
                await WriteJsonAsync(response, Completion("Sure. Here is an answer to: " + prompt, "stop"), aborted);
                return;
            case HostileMode.Html200:
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync("<!DOCTYPE html><html><head><title>Sign in</title></head><body><h1>Please sign in to continue</h1></body></html>", aborted);
                return;
            case HostileMode.TruncatedJson:
                var full = JsonSerializer.Serialize(Completion("Sure. Here is an answer.", "stop"));
                response.ContentType = "application/json";
                await response.WriteAsync(full[..(full.Length / 2)], aborted);
                return;
            case HostileMode.ConnectionReset:
                context.Abort();
                return;
            case HostileMode.NonStringContent:
                response.ContentType = "application/json";
                await response.WriteAsync(
                    """{"id":"chatcmpl-hostile","object":"chat.completion","created":1700000000,"model":"hostile-model","choices":[{"index":0,"message":{"role":"assistant","content":12345},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}""",
                    aborted);
                return;
            case HostileMode.EmptyChoices:
                response.ContentType = "application/json";
                await response.WriteAsync(
                    """{"id":"chatcmpl-hostile","object":"chat.completion","created":1700000000,"model":"hostile-model","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":0,"total_tokens":3}}""",
                    aborted);
                return;
            case HostileMode.ErrorIn200:
                await WriteJsonAsync(response, Error("The upstream model is overloaded.", "server_error", "upstream_error", null), aborted);
                return;
            case HostileMode.KeyEcho:
                var key = BearerToken(context.Request);
                response.Headers[EchoHeader] = key;
                if (call % 2 == 1)
                {
                    await WriteJsonAsync(response, Completion($"Sure. Your key is {key} and here is an answer to: {prompt}", "stop"), aborted);
                }
                else
                {
                    response.StatusCode = 401;
                    await WriteJsonAsync(response, Error($"Incorrect API key provided: {key}. You can find your API key at https://platform.example/account/api-keys.", "invalid_request_error", "invalid_api_key", null), aborted);
                }

                return;
            case HostileMode.HugeBody:
                await WriteJsonAsync(response, Completion(new string('x', HugeBodyBytes), "stop"), aborted);
                return;
            case HostileMode.AbsurdRetryAfter:
                response.StatusCode = 429;
                response.Headers.RetryAfter = "999999999";
                await WriteJsonAsync(response, Error("Rate limit reached for requests.", "requests", "rate_limit_exceeded", null), aborted);
                return;
            case HostileMode.ContentFilterMention400:
                response.StatusCode = 400;
                await WriteJsonAsync(response, Error("Unsupported parameter: 'content_filter_policy' is not supported with this model.", "invalid_request_error", "unsupported_parameter", "content_filter_policy"), aborted);
                return;
            case HostileMode.Unauthorized401:
                response.StatusCode = 401;
                await WriteJsonAsync(response, Error("Invalid authentication credentials.", "invalid_request_error", "invalid_api_key", null), aborted);
                return;
            case HostileMode.ContentFilterFinish:
                await WriteJsonAsync(response, Completion(null, "content_filter"), aborted);
                return;
            default:
                throw new InvalidOperationException($"Unknown hostile mode {Mode}.");
        }
    }

    private static Dictionary<string, object?> Completion(string? text, string finish) => new()
    {
        ["id"] = "chatcmpl-hostile",
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = "hostile-model",
        ["choices"] = new object[]
        {
            new Dictionary<string, object?>
            {
                ["index"] = 0,
                ["message"] = new Dictionary<string, object?> { ["role"] = "assistant", ["content"] = text },
                ["finish_reason"] = finish,
            },
        },
        ["usage"] = new Dictionary<string, object?> { ["prompt_tokens"] = 3, ["completion_tokens"] = 5, ["total_tokens"] = 8 },
    };

    private static Dictionary<string, object?> Error(string message, string? type, string? code, string? param) => new()
    {
        ["error"] = new Dictionary<string, object?> { ["message"] = message, ["type"] = type, ["param"] = param, ["code"] = code },
    };

    private static Task WriteJsonAsync(HttpResponse response, object body, CancellationToken cancellationToken)
    {
        response.ContentType = "application/json";
        return response.WriteAsync(JsonSerializer.Serialize(body), Encoding.UTF8, cancellationToken);
    }

    private static string BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..] : header;
    }

    private static async Task<string> ReadPromptAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        var prompt = string.Empty;
        if (body.RootElement.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
        {
            foreach (var message in messages.EnumerateArray())
            {
                if (message.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String)
                {
                    prompt = content.GetString() ?? string.Empty;
                }
            }
        }

        return prompt.Length <= 200 ? prompt : prompt[..200];
    }
}
