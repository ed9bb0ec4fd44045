using System.Threading.RateLimiting;
using Microsoft.Extensions.AI;

namespace OrBench.Testing.Middleware;

/// <summary>
/// Request and token budgets shared by <see cref="RateLimitingChatClient"/> and the runner. A request takes one
/// request permit and an estimate of its prompt tokens before it is sent; once the response is in, the tokens it used
/// above the estimate are taken too (what the bucket cannot give at once is owed by the next request), so the next
/// requests slow down accordingly.
/// </summary>
internal sealed class RequestBudget : IAsyncDisposable
{
    private readonly RateLimiter? _requests;
    private readonly RateLimiter? _tokens;
    private readonly int _maxTokensPerAcquire;
    private readonly bool _ownsLimiters;
    private long _debt;

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

    /// <summary>
    /// Waits for a request permit, then for the prompt's estimated tokens plus whatever earlier responses used beyond
    /// their estimates and could not be charged at once; returns the estimate taken.
    /// </summary>
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
            long owed = estimate + Interlocked.Exchange(ref _debt, 0);
            try
            {
                while (owed > 0)
                {
                    var chunk = (int)Math.Min(owed, _maxTokensPerAcquire);
                    await TakeAsync(_tokens, chunk, cancellationToken);
                    owed -= chunk;
                }
            }
            catch
            {
                // Earlier responses' debt is taken first; what of it is left is still owed. This request's own
                // estimate is not: a request that was never sent used nothing.
                Interlocked.Add(ref _debt, Math.Max(0, owed - estimate));
                throw;
            }
        }

        return estimate;
    }

    /// <summary>
    /// Charges the tokens the response used beyond the estimate: at once where the bucket has them, the rest as a
    /// debt the next <see cref="AcquireAsync"/> waits for. Never waits itself: the answer has already been paid for,
    /// and holding it back would let a request timeout (or a retry's attempt timeout, which sends it again) or a
    /// cancellation throw away a finished response before the cache records it. Without reported usage the output is
    /// estimated from the answer's length, so a server that reports none still counts its completions.
    /// </summary>
    public void Settle(int estimate, ChatResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (_tokens is null)
        {
            return;
        }

        var usage = response.Usage;
        var input = usage?.InputTokenCount ?? estimate;
        var output = usage?.OutputTokenCount ?? EstimateTokens(response.Text);
        var used = usage?.TotalTokenCount ?? input + output;
        var debt = used - estimate;
        while (debt > 0)
        {
            var chunk = (int)Math.Min(debt, _maxTokensPerAcquire);
            using var lease = _tokens.AttemptAcquire(chunk);
            if (!lease.IsAcquired)
            {
                break;
            }

            debt -= chunk;
        }

        if (debt > 0)
        {
            Interlocked.Add(ref _debt, debt);
        }
    }

    /// <summary>Tokens used beyond the estimates and not yet taken from the bucket.</summary>
    internal long Debt => Interlocked.Read(ref _debt);

    private static int EstimateTokens(string text) => (int)Math.Min((text.Length / 4L) + 1, int.MaxValue);

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
