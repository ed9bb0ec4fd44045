using System.Threading.RateLimiting;
using Microsoft.Extensions.AI;

namespace OrBench.Testing.Middleware;

/// <summary>
/// Request and token budgets shared by <see cref="RateLimitingChatClient"/> and the runner. A request takes one
/// request permit and an estimate of its prompt tokens before it is sent; once the provider reports usage, the
/// tokens above the estimate are taken too (waiting if need be), so the next requests slow down accordingly.
/// </summary>
internal sealed class RequestBudget : IAsyncDisposable
{
    private readonly RateLimiter? _requests;
    private readonly RateLimiter? _tokens;
    private readonly int _maxTokensPerAcquire;
    private readonly bool _ownsLimiters;

    public RequestBudget(RateLimiter? requests, RateLimiter? tokens, int maxTokensPerAcquire, bool ownsLimiters)
    {
        _requests = requests;
        _tokens = tokens;
        _maxTokensPerAcquire = Math.Max(1, maxTokensPerAcquire);
        _ownsLimiters = ownsLimiters;
    }

    /// <summary>Token buckets replenished every second: requests may burst to 10 seconds' worth, tokens to a minute's.</summary>
    public static RequestBudget? PerMinute(int? requestsPerMinute, int? tokensPerMinute)
    {
        if (requestsPerMinute is null && tokensPerMinute is null)
        {
            return null;
        }

        if (requestsPerMinute is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(requestsPerMinute), requestsPerMinute, "Requests per minute must be positive.");
        }

        if (tokensPerMinute is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tokensPerMinute), tokensPerMinute, "Tokens per minute must be positive.");
        }

        var requests = requestsPerMinute is { } rpm ? Bucket(Math.Max(1, rpm / 6), rpm) : null;
        var tokens = tokensPerMinute is { } tpm ? Bucket(tpm, tpm) : null;
        return new RequestBudget(requests, tokens, tokensPerMinute ?? int.MaxValue, ownsLimiters: true);
    }

    private static TokenBucketRateLimiter Bucket(int burst, int perMinute)
    {
        // Replenish in the smallest period that still adds a whole permit, at the per-minute rate.
        var period = TimeSpan.FromSeconds(1);
        var perPeriod = perMinute / 60;
        if (perPeriod < 1)
        {
            perPeriod = 1;
            period = TimeSpan.FromMinutes(1.0 / perMinute);
        }

        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = period,
            AutoReplenishment = true,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Waits for a request permit and the prompt's estimated tokens; returns the estimate taken.</summary>
    public async ValueTask<int> AcquireAsync(IEnumerable<ChatMessage> messages, CancellationToken cancellationToken)
    {
        if (_requests is not null)
        {
            await TakeAsync(_requests, 1, cancellationToken);
        }

        var estimate = 0;
        if (_tokens is not null)
        {
            estimate = Math.Min(EstimateTokens(messages), _maxTokensPerAcquire);
            await TakeAsync(_tokens, estimate, cancellationToken);
        }

        return estimate;
    }

    /// <summary>Takes the tokens the response used beyond the estimate.</summary>
    public async ValueTask SettleAsync(int estimate, UsageDetails? usage, CancellationToken cancellationToken)
    {
        if (_tokens is null || usage is null)
        {
            return;
        }

        var used = usage.TotalTokenCount ?? ((usage.InputTokenCount ?? 0) + (usage.OutputTokenCount ?? 0));
        var debt = used - estimate;
        while (debt > 0)
        {
            var chunk = (int)Math.Min(debt, _maxTokensPerAcquire);
            await TakeAsync(_tokens, chunk, cancellationToken);
            debt -= chunk;
        }
    }

    /// <summary>About four characters per token, as the providers' own rules of thumb.</summary>
    internal static int EstimateTokens(IEnumerable<ChatMessage> messages)
    {
        long chars = 0;
        foreach (var message in messages)
        {
            chars += message.Text.Length;
        }

        return (int)Math.Clamp((chars / 4) + 1, 1, int.MaxValue);
    }

    private static async ValueTask TakeAsync(RateLimiter limiter, int permits, CancellationToken cancellationToken)
    {
        using var lease = await limiter.AcquireAsync(permits, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException($"The rate limiter refused {permits} permit(s); its queue is full.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsLimiters)
        {
            if (_requests is not null)
            {
                await _requests.DisposeAsync();
            }

            if (_tokens is not null)
            {
                await _tokens.DisposeAsync();
            }
        }
    }
}
