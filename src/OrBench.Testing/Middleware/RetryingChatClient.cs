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
    private readonly TimeProvider _timeProvider;

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
                // Waits beyond the bound never get here: the attempt turned them into RetryAfterTooLongException.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is { } ex ? TransientFaults.GetRetryAfter(ex, timeProvider) : null),
                OnRetry = args =>
                {
                    if (Options.OnRetry is { } onRetry && args.Outcome.Exception is { } ex)
                    {
                        onRetry(new RetryWait(args.RetryDelay, args.AttemptNumber + 2, Options.MaxAttempts, Running.RequestErrors.Describe(ex), TransientFaults.GetRetryAfter(ex, timeProvider) is not null));
                    }

                    return default;
                },
            };
            if (Options.Randomizer is { } randomizer)
            {
                retry.Randomizer = randomizer;
            }

            retryBuilder.AddRetry(retry);
        }

        _retry = retryBuilder.Build();
        _timeProvider = timeProvider;

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
            async outerToken =>
            {
                try
                {
                    return await _attemptTimeout.ExecuteAsync(
                        async attemptToken => await base.GetResponseAsync(list, options, attemptToken),
                        outerToken);
                }
                catch (Exception ex) when (TooLongWait(ex, outerToken) is { } tooLong)
                {
                    throw tooLong;
                }
            },
            cancellationToken);
    }

    // A Retry-After beyond MaxRetryAfter or the request's remaining time cannot be honoured; waiting part of it would
    // only retry into the same refusal, and waiting all of it would outlast the request. The call ends here, named.
    private RetryAfterTooLongException? TooLongWait(Exception exception, CancellationToken token)
    {
        if (Options.MaxAttempts <= 1 || !TransientFaults.IsTransient(exception, token) || TransientFaults.GetRetryAfter(exception, _timeProvider) is not { } wait)
        {
            return null;
        }

        if (wait > Options.MaxRetryAfter)
        {
            return new RetryAfterTooLongException(wait, Options.MaxRetryAfter, "the longest wait allowed (MaxRetryAfter, --max-retry-after)", exception);
        }

        if (RequestDeadline.Current is { } deadline && deadline - _timeProvider.GetUtcNow() is var left && wait > left)
        {
            var remaining = left > TimeSpan.Zero ? left : TimeSpan.Zero;
            return new RetryAfterTooLongException(wait, remaining, "the time left of the request timeout", exception);
        }

        return null;
    }
}
