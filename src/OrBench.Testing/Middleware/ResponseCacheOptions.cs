namespace OrBench.Testing.Middleware;

/// <summary>
/// How <c>UseResponseCache</c> (<see cref="OrBenchChatClientBuilderExtensions"/>) records and replays. The key always holds the endpoint (scheme, host, port, path) and the model name, so a switched
/// endpoint is measured again instead of replayed.
/// </summary>
public sealed record ResponseCacheOptions
{
    /// <summary>Read-write (default), replay-only (a miss is a <see cref="ReplayMissException"/>), or off.</summary>
    public ResponseCacheMode Mode { get; init; } = ResponseCacheMode.ReadWrite;

    /// <summary>
    /// The model's version, when the name alone does not say it (a deployment re-pointed to a new snapshot, a local
    /// model re-quantised). Part of the key: a new value re-measures every prompt. The CLI's <c>--model-version</c> /
    /// <c>ORBENCH_MODEL_VERSION</c>. Null or empty: no version in the key.
    /// </summary>
    public string? ModelVersion { get; init; }

    /// <summary>
    /// The endpoint to key on when the inner client does not report one (<see cref="Microsoft.Extensions.AI.ChatClientMetadata.ProviderUri"/>);
    /// null uses what the client reports.
    /// </summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The clock that stamps recorded entries and ages replayed ones; null is the system clock.</summary>
    public TimeProvider? TimeProvider { get; init; }
}
