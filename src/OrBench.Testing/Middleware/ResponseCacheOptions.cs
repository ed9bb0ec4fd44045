namespace OrBench.Testing.Middleware;

/// <summary>
/// How <c>UseResponseCache</c> (<see cref="OrBenchChatClientBuilderExtensions"/>) records and replays. The key holds the model name (and version), and every entry the endpoint
/// it came from (scheme, host, port, path), so a switched endpoint is measured again instead of replayed.
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

    /// <summary>
    /// Replays an entry whatever endpoint recorded it: for a credential-free replay job that does not name the endpoint
    /// (<c>orbench run --replay-only</c> without <c>--endpoint</c>). Off by default, so an entry of another endpoint is a
    /// miss and that endpoint's model is measured again.
    /// </summary>
    public bool AnyEndpoint { get; init; }

    /// <summary>The clock that stamps recorded entries and ages replayed ones; null is the system clock.</summary>
    public TimeProvider? TimeProvider { get; init; }
}
