using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OrBench.TestSupport.OpenAi;

/// <summary>
/// A loopback OpenAI-compatible server (<c>POST /v1/chat/completions</c>) on 127.0.0.1 and a free port, started and
/// stopped by tests. Answers deterministically, injects scripted faults, and counts calls and the most requests it
/// ever held at once, so tests can check concurrency bounds and cache hits through the real OpenAI client.
/// </summary>
public sealed class OpenAiStubServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<StubRequest> _requests = new();
    private int _calls;
    private int _inFlight;
    private int _maxInFlight;

    private OpenAiStubServer(WebApplication app, OpenAiStubOptions options)
    {
        _app = app;
        Options = options;
    }

    /// <summary>The behaviour in force; tests may swap it between runs.</summary>
    public OpenAiStubOptions Options { get; set; }

    /// <summary>The base address to give an OpenAI client, e.g. <c>http://127.0.0.1:41234/v1</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Requests received (faulted ones included).</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Requests being handled right now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The most requests ever handled at once.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<StubRequest> Requests => [.. _requests];

    /// <summary>How many requests carried this prompt.</summary>
    public int CallsFor(string prompt) => _attempts.TryGetValue(prompt, out var n) ? n : 0;

    /// <summary>Starts a stub on a free loopback port.</summary>
    public static async Task<OpenAiStubServer> StartAsync(OpenAiStubOptions? options = null, CancellationToken cancellationToken = default)
    {
        OpenAiStubServer? server = null;
        var (app, baseAddress) = await LoopbackHost.StartAsync(
            app => app.MapPost("/v1/chat/completions", (HttpContext context) => server!.HandleAsync(context)),
            kestrel =>
            {
                kestrel.Limits.MinRequestBodyDataRate = null;
                kestrel.Limits.MaxConcurrentConnections = null;
            },
            cancellationToken);
        server = new OpenAiStubServer(app, options ?? new OpenAiStubOptions()) { Endpoint = new Uri(baseAddress, "v1") };
        return server;
    }

    /// <summary>Zeroes the counters and forgets received requests (attempt numbers start again at 1).</summary>
    public void ResetCounters()
    {
        Interlocked.Exchange(ref _calls, 0);
        Interlocked.Exchange(ref _maxInFlight, Volatile.Read(ref _inFlight));
        _attempts.Clear();
        _requests.Clear();
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
            // Hung requests are abandoned; the host is disposed below.
        }

        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var callNumber = Interlocked.Increment(ref _calls);
        var now = Interlocked.Increment(ref _inFlight);
        for (var max = Volatile.Read(ref _maxInFlight); now > max; max = Volatile.Read(ref _maxInFlight))
        {
            if (Interlocked.CompareExchange(ref _maxInFlight, now, max) == max)
            {
                break;
            }
        }

        try
        {
            await RespondAsync(context, callNumber);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (timeout or cancellation); nothing to send.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task RespondAsync(HttpContext context, int callNumber)
    {
        var options = Options;
        var aborted = context.RequestAborted;
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: aborted);
        var request = Read(body.RootElement, context);
        var attempt = _attempts.AddOrUpdate(request.Prompt, 1, (_, n) => n + 1);
        var fault = options.Faults(new StubCall(request.Prompt, attempt, callNumber));
        _requests.Enqueue(request with { Attempt = attempt, Fault = fault });

        if (options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(options.Latency, aborted);
        }

        switch (fault)
        {
            case StubFault.RateLimited:
                context.Response.StatusCode = 429;
                if (options.SendRetryAfterMs)
                {
                    context.Response.Headers["retry-after-ms"] = ((long)options.RetryAfter.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
                }

                context.Response.Headers.RetryAfter = ((long)Math.Ceiling(options.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await WriteErrorAsync(context, "Rate limit reached for requests. Please retry later.", "requests", "rate_limit_exceeded", null);
                return;
            case StubFault.ServerError:
                context.Response.StatusCode = 500;
                await WriteErrorAsync(context, "The server had an error while processing your request.", "server_error", null, null);
                return;
            case StubFault.Hang:
                await Task.Delay(options.HangDuration, aborted);
                break;
            case StubFault.DropConnection:
                context.Abort();
                return;
            case StubFault.ContentFilterError:
                context.Response.StatusCode = 400;
                await WriteErrorAsync(
                    context,
                    "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry.",
                    null,
                    "content_filter",
                    new Dictionary<string, object?>
                    {
                        ["code"] = "ResponsibleAIPolicyViolation",
                        ["content_filter_result"] = new Dictionary<string, object?>
                        {
                            ["hate"] = new { filtered = false, severity = "safe" },
                            ["violence"] = new { filtered = true, severity = "medium" },
                        },
                    });
                return;
        }

        var text = fault switch
        {
            StubFault.ContentFilterFinish => null,
            StubFault.EmptyAnswer => string.Empty,
            _ => options.Answer(request.Prompt),
        };
        var finish = fault == StubFault.ContentFilterFinish ? "content_filter" : "stop";
        var promptTokens = CountWords(request.Prompt) + CountWords(request.SystemPrompt);
        var completionTokens = CountWords(text);
        var response = new Dictionary<string, object?>
        {
            ["id"] = "chatcmpl-stub-" + callNumber.ToString(CultureInfo.InvariantCulture),
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = options.Model,
            ["choices"] = new object[]
            {
                new Dictionary<string, object?>
                {
                    ["index"] = 0,
                    ["message"] = new Dictionary<string, object?> { ["role"] = "assistant", ["content"] = text },
                    ["finish_reason"] = finish,
                },
            },
            ["usage"] = new Dictionary<string, object?>
            {
                ["prompt_tokens"] = promptTokens,
                ["completion_tokens"] = completionTokens,
                ["total_tokens"] = promptTokens + completionTokens,
            },
        };
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, response, cancellationToken: aborted);
    }

    private static Task WriteErrorAsync(HttpContext context, string message, string? type, string? code, Dictionary<string, object?>? inner)
    {
        var error = new Dictionary<string, object?>
        {
            ["message"] = message,
            ["type"] = type,
            ["param"] = code == "content_filter" ? "prompt" : null,
            ["code"] = code,
        };
        if (inner is not null)
        {
            error["status"] = context.Response.StatusCode;
            error["innererror"] = inner;
        }

        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new Dictionary<string, object?> { ["error"] = error }, cancellationToken: context.RequestAborted);
    }

    private static StubRequest Read(JsonElement root, HttpContext context)
    {
        string? system = null;
        var prompt = string.Empty;
        var count = 0;
        if (root.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
        {
            foreach (var message in messages.EnumerateArray())
            {
                count++;
                var role = message.TryGetProperty("role", out var r) ? r.GetString() : null;
                var text = ContentText(message);
                if (role is "system" or "developer")
                {
                    system = text;
                }
                else if (role == "user")
                {
                    prompt = text;
                }
            }
        }

        return new StubRequest
        {
            Model = root.TryGetProperty("model", out var model) ? model.GetString() : null,
            Prompt = prompt,
            SystemPrompt = system,
            MessageCount = count,
            Temperature = root.TryGetProperty("temperature", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : null,
            MaxTokens = root.TryGetProperty("max_completion_tokens", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt32()
                : root.TryGetProperty("max_tokens", out var m2) && m2.ValueKind == JsonValueKind.Number ? m2.GetInt32() : null,
            Authorization = context.Request.Headers.Authorization.ToString(),
            Body = root.GetRawText(),
        };
    }

    private static string ContentText(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return string.Empty;
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString() ?? string.Empty;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return string.Empty;
        }

        var parts = new List<string>();
        foreach (var part in content.EnumerateArray())
        {
            if (part.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            {
                parts.Add(text.GetString() ?? string.Empty);
            }
        }

        return string.Concat(parts);
    }

    private static int CountWords(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
