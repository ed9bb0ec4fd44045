using System.Buffers;
using System.Text;
using System.Text.Json;

namespace OrBench.Testing.Middleware;

/// <summary>
/// An <see cref="HttpMessageHandler"/> for the HTTP client under an OpenAI-compatible <c>IChatClient</c>: reads every
/// response body up to <see cref="MaxResponseBytes"/> (a larger one is a <see cref="ResponseTooLargeException"/>, so a
/// server cannot fill the memory), and checks that an HTTP 2xx answer to <c>/chat/completions</c> really is a
/// completion, so the client never turns HTML, truncated JSON, an error object, empty <c>choices</c> or a
/// non-text <c>content</c> into an empty answer (a refusal). Those throw <see cref="ProtocolViolationException"/>.
/// Use it as <c>new HttpClient(new ResponseGuardHandler { InnerHandler = new HttpClientHandler() })</c> and give the
/// HTTP client to the OpenAI client's transport. Streaming (<c>text/event-stream</c>) bodies pass through unchecked.
/// </summary>
public sealed class ResponseGuardHandler : DelegatingHandler
{
    /// <summary>The default cap: 1 MiB, about a thousand times a 1000-token answer.</summary>
    public const long DefaultMaxResponseBytes = 1024 * 1024;

    /// <summary>Creates the handler over a fresh <see cref="SocketsHttpHandler"/>.</summary>
    public ResponseGuardHandler()
        : base(new SocketsHttpHandler())
    {
    }

    /// <summary>Creates the handler over <paramref name="innerHandler"/>.</summary>
    public ResponseGuardHandler(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    /// <summary>The largest response body read, in bytes.</summary>
    public long MaxResponseBytes { get; init; } = DefaultMaxResponseBytes;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (string.Equals(mediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase))
            {
                return response;
            }

            var body = await ReadCappedAsync(response.Content, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode && IsChatCompletions(request.RequestUri))
            {
                Check(body, (int)response.StatusCode, mediaType);
            }

            var content = new ByteArrayContent(body);
            foreach (var header in response.Content.Headers)
            {
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            content.Headers.ContentLength = body.Length;
            response.Content.Dispose();
            response.Content = content;
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static bool IsChatCompletions(Uri? uri) =>
        uri is not null && uri.AbsolutePath.TrimEnd('/').EndsWith("/chat/completions", StringComparison.OrdinalIgnoreCase);

    private async Task<byte[]> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } announced && announced > MaxResponseBytes)
        {
            throw new ResponseTooLargeException(MaxResponseBytes, announced, announced: true);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxResponseBytes)
                {
                    throw new ResponseTooLargeException(MaxResponseBytes, buffer.Length + read, announced: false);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    /// <summary>Throws <see cref="ProtocolViolationException"/> when <paramref name="body"/> is not a chat completion.</summary>
    internal static void Check(ReadOnlySpan<byte> body, int status, string? mediaType)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException ex)
        {
            var isJson = mediaType is null || mediaType.Contains("json", StringComparison.OrdinalIgnoreCase);
            throw new ProtocolViolationException(isJson
                ? $"HTTP {status} with a body that is not valid JSON (truncated or malformed, {body.Length:N0} bytes: {ex.Message.Split('.')[0]})"
                : $"HTTP {status} with {mediaType} instead of a JSON completion (starts {Start(body)})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ProtocolViolationException($"HTTP {status} with a JSON {Kind(root)} instead of a completion object");
            }

            if (root.TryGetProperty("error", out var error) && error.ValueKind is not JsonValueKind.Null)
            {
                var message = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
                    ? m.GetString()
                    : error.ToString();
                throw new ProtocolViolationException($"HTTP {status} carrying an error instead of a completion: {OneLine(message)}");
            }

            if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array)
            {
                throw new ProtocolViolationException($"HTTP {status} completion without a 'choices' array");
            }

            if (choices.GetArrayLength() == 0)
            {
                throw new ProtocolViolationException($"HTTP {status} completion with an empty 'choices' array (no answer and no finish_reason)");
            }

            var index = 0;
            foreach (var choice in choices.EnumerateArray())
            {
                if (choice.ValueKind != JsonValueKind.Object)
                {
                    throw new ProtocolViolationException($"HTTP {status} completion: choices[{index}] is a {Kind(choice)}, not an object");
                }

                if (choice.TryGetProperty("message", out var message))
                {
                    if (message.ValueKind != JsonValueKind.Object)
                    {
                        throw new ProtocolViolationException($"HTTP {status} completion: choices[{index}].message is a {Kind(message)}, not an object");
                    }

                    if (message.TryGetProperty("content", out var content) && content.ValueKind is not (JsonValueKind.String or JsonValueKind.Null or JsonValueKind.Array))
                    {
                        throw new ProtocolViolationException($"HTTP {status} completion: choices[{index}].message.content is a {Kind(content)} ({OneLine(content.GetRawText())}), not a string");
                    }
                }
                else if (!choice.TryGetProperty("finish_reason", out _))
                {
                    throw new ProtocolViolationException($"HTTP {status} completion: choices[{index}] has neither 'message' nor 'finish_reason'");
                }

                index++;
            }
        }
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        _ => "null",
    };

    private static string Start(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, 60)]);
        return "'" + OneLine(text) + (body.Length > 60 ? "…'" : "'");
    }

    private static string OneLine(string? text)
    {
        var line = Secrets.Scrub(text).ReplaceLineEndings(" ").Trim();
        return line.Length <= 200 ? line : line[..200] + "…";
    }
}
