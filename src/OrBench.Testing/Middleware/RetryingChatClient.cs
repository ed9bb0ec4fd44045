using Microsoft.Extensions.AI;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OrBench.Testing.Middleware;

/// <summary>
/// Retries transient faults (see <see cref="TransientFaults"/>) with a Polly 8 pipeline: exponential backoff
/// with jitter, bounded attempts, the provider's <c>Retry-After</c> honoured, and an optional per-attempt timeout
/// so a hung request becomes a retry. Content filters and client errors pass straight through.
/// Streaming calls are not retried (a half-consumed stream cannot be replayed safely).
/// </summary>
public sealed class RetryingChatClient : DelegatingChatClient
{
    private readonly ResiliencePipeline _retry;
    private readonly ResiliencePipeline _attemptTimeout;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    public RetryingChatClient(IChatClient innerClient, RetryOptions? options = null)
        : base(innerClient)
    {
        Options = options ?? new RetryOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MaxAttempts, 1, nameof(options));
        var timeProvider = Options.TimeProvider ?? TimeProvider.System;

        var retryBuilder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (Options.MaxAttempts > 1)
        {
            var retry = new RetryStrategyOptions
            {
                MaxRetryAttempts = Options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = Options.BaseDelay,
                MaxDelay = Options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } ex && TransientFaults.IsTransient(ex, args.Context.CancellationToken)),
                DelayGenerator = args =>
                {
                    var wait = args.Outcome.Exception is { } ex ? TransientFaults.GetRetryAfter(ex, timeProvider) : null;
                    return ValueTask.FromResult(wait is { } w ? (w > Options.MaxRetryAfter ? Options.MaxRetryAfter : w) : (TimeSpan?)null);
                },
            };
            if (Options.Randomizer is { } randomizer)
            {
                retry.Randomizer = randomizer;
            }

            retryBuilder.AddRetry(retry);
        }

        _retry = retryBuilder.Build();

        // The attempt timeout runs on the real clock even when backoff uses a fake one, so tests that skip
        // backoff waits still see hung requests time out.
        var timeoutBuilder = new ResiliencePipelineBuilder();
        if (Options.AttemptTimeout is { } timeout)
        {
            timeoutBuilder.AddTimeout(new TimeoutStrategyOptions { Timeout = timeout });
        }

        _attemptTimeout = timeoutBuilder.Build();
    }

    /// <summary>The retry settings in force.</summary>
    public RetryOptions Options { get; }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        return await _retry.ExecuteAsync(
            async outerToken => await _attemptTimeout.ExecuteAsync(
                async attemptToken => await base.GetResponseAsync(list, options, attemptToken),
                outerToken),
            cancellationToken);
    }
}
