using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;

namespace OrBench.Testing.Middleware;

/// <summary>
/// Microsoft.Extensions.AI's <see cref="DistributedCachingChatClient"/> with a cheaper cache key: the same JSON of the
/// messages, the <see cref="ChatOptions"/> and the extra key values, including
/// <see cref="DistributedCachingChatClient.CacheKeyAdditionalValues"/> (serialised with
/// <see cref="DistributedCachingChatClient.JsonSerializerOptions"/>, so every option that exists, now or in a later
/// release, is part of the key), hashed once with SHA-256.
/// </summary>
/// <remarks>
/// Why: the base class streams that JSON through an incremental SHA-384 and spent about ten microseconds per request
/// on the key, the largest cost of replaying OR-Bench-80K from a cache. Serialising into a reused buffer and hashing
/// it in one call gives the same guarantees (every serialised field is in the key; a collision needs a SHA-256
/// collision) in a fraction of the time. Reading and writing entries is the base class's, plus the time an entry was
/// recorded (an additional property of the stored response, removed again when it is replayed), so
/// <see cref="Statistics"/> can say how old the oldest replayed answer is. Keys are 64 hex digits (the base class's
/// are 96), so they can never equal an entry written under its scheme.
/// </remarks>
public class ResponseCachingChatClient(IChatClient innerClient, IDistributedCache storage)
    : DistributedCachingChatClient(innerClient, storage)
{
    /// <summary>Names this key layout; changing the layout means changing this value, so old entries are missed, never misread.</summary>
    private const string KeyScheme = "orbench-key-sha256-json-v1";

    /// <summary>The additional property of a stored response that holds when it was recorded (ISO 8601, UTC).</summary>
    public const string RecordedAtProperty = "orbench.recordedAt";

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? ThreadBuffer;

    private readonly Lock _gate = new();
    private long _fromModel;
    private long _fromCache;
    private DateTimeOffset? _oldest;

    /// <summary>The clock that stamps recorded entries; the system clock unless a test sets another.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Answers from the model and from the cache so far, and when the oldest replayed one was recorded.</summary>
    public ResponseCacheStatistics Statistics
    {
        get
        {
            lock (_gate)
            {
                return new ResponseCacheStatistics(Interlocked.Read(ref _fromModel), _fromCache, _oldest);
            }
        }
    }

    /// <inheritdoc />
    protected override string GetCacheKey(IEnumerable<ChatMessage> messages, ChatOptions? options, params ReadOnlySpan<object?> additionalValues)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var serializerOptions = JsonSerializerOptions;
        serializerOptions.MakeReadOnly();
        var buffer = ThreadBuffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(KeyScheme);
            JsonSerializer.Serialize(writer, messages, serializerOptions.GetTypeInfo(typeof(IEnumerable<ChatMessage>)));
            if (options is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                JsonSerializer.Serialize(writer, options, serializerOptions.GetTypeInfo(typeof(ChatOptions)));
            }

            foreach (var value in additionalValues)
            {
                WriteValue(writer, value, serializerOptions);
            }

            foreach (var value in CacheKeyAdditionalValues ?? [])
            {
                WriteValue(writer, value, serializerOptions);
            }

            writer.WriteEndArray();
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        if (buffer.Capacity > 1 << 20)
        {
            ThreadBuffer = null;
        }

        return Convert.ToHexStringLower(hash);
    }

    /// <inheritdoc />
    /// <exception cref="ResponseCacheException">The cache could not be read or the entry did not deserialise.</exception>
    protected override async Task<ChatResponse?> ReadCacheAsync(string key, CancellationToken cancellationToken)
    {
        var response = await GuardAsync("read", key, () => base.ReadCacheAsync(key, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (response is not null)
        {
            CountReplay(TakeRecordedAt(response));
        }

        return response;
    }

    /// <inheritdoc />
    /// <exception cref="ResponseCacheException">The cache could not be read or the entry did not deserialise.</exception>
    protected override async Task<IReadOnlyList<ChatResponseUpdate>?> ReadCacheStreamingAsync(string key, CancellationToken cancellationToken)
    {
        var updates = await GuardAsync("read", key, () => base.ReadCacheStreamingAsync(key, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (updates is not null)
        {
            CountReplay(recordedAt: null);
        }

        return updates;
    }

    /// <inheritdoc />
    /// <exception cref="ResponseCacheException">The cache could not be written.</exception>
    protected override async Task WriteCacheAsync(string key, ChatResponse value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        Interlocked.Increment(ref _fromModel);
        var properties = value.AdditionalProperties;
        var stamped = properties is null ? new AdditionalPropertiesDictionary() : new AdditionalPropertiesDictionary(properties);
        stamped[RecordedAtProperty] = TimeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        value.AdditionalProperties = stamped;
        try
        {
            await GuardAsync("write", key, async () => { await base.WriteCacheAsync(key, value, cancellationToken).ConfigureAwait(false); return true; }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The caller gets the response as the model gave it.
            value.AdditionalProperties = properties;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ResponseCacheException">The cache could not be written.</exception>
    protected override Task WriteCacheStreamingAsync(string key, IReadOnlyList<ChatResponseUpdate> value, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _fromModel);
        return GuardAsync("write", key, async () => { await base.WriteCacheStreamingAsync(key, value, cancellationToken).ConfigureAwait(false); return true; }, cancellationToken);
    }

    private static DateTimeOffset? TakeRecordedAt(ChatResponse response)
    {
        if (response.AdditionalProperties is not { } properties || !properties.TryGetValue(RecordedAtProperty, out var value))
        {
            return null;
        }

        properties.Remove(RecordedAtProperty);
        if (properties.Count == 0)
        {
            response.AdditionalProperties = null;
        }

        var text = value switch
        {
            string s => s,
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            _ => null,
        };
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;
    }

    private void CountReplay(DateTimeOffset? recordedAt)
    {
        lock (_gate)
        {
            _fromCache++;
            if (recordedAt is { } at && (_oldest is null || at < _oldest))
            {
                _oldest = at;
            }
        }
    }

    private static async Task<T> GuardAsync<T>(string operation, string key, Func<Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Whatever the cache throws is a cache fault; it is wrapped, never swallowed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // Stores such as StackExchange.Redis write kilobytes of diagnostics; the inner exception keeps them.
            // Connection strings carry passwords ("redis:6379,password=…"); the message reaches logs and CI output.
            var first = Secrets.Scrub(ex.Message.Split('\n', 2)[0].Trim());
            first = first.Length <= 240 ? first : first[..240] + "…";
            throw new ResponseCacheException($"The response cache failed to {operation} entry {key}: {ex.GetType().Name}: {first}", ex);
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value, JsonSerializerOptions serializerOptions)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            JsonSerializer.Serialize(writer, value, serializerOptions.GetTypeInfo(value.GetType()));
        }
    }
}
