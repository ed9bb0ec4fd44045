using System.Threading.RateLimiting;
using Microsoft.Extensions.AI;

namespace OrBench.Testing.Middleware;

/// <summary>
/// Keeps requests under a provider's requests-per-minute and tokens-per-minute quotas with
/// System.Threading.RateLimiting, so a run slows down instead of collecting 429s. Put it under the response
/// cache so cached answers are not throttled. Token usage is estimated from the prompt before the request and
/// settled from <see cref="ChatResponse.Usage"/> after it.
/// </summary>
public sealed class RateLimitingChatClient : DelegatingChatClient
{
    private readonly RequestBudget _budget;

    /// <summary>Limits with per-minute token buckets owned (and disposed) by this client.</summary>
    public RateLimitingChatClient(IChatClient innerClient, int? requestsPerMinute, int? tokensPerMinute)
        : base(innerClient)
    {
        _budget = RequestBudget.PerMinute(requestsPerMinute, tokensPerMinute)
            ?? throw new ArgumentException("Give a requests-per-minute or a tokens-per-minute limit (or both).", nameof(requestsPerMinute));
    }

    /// <summary>
    /// Limits with limiters the caller owns and disposes, for custom windows or shared quotas across clients.
    /// A request takes one permit from <paramref name="requestLimiter"/> and its tokens from
    /// <paramref name="tokenLimiter"/>, at most <paramref name="maxTokensPerAcquire"/> at a time.
    /// </summary>
    public RateLimitingChatClient(IChatClient innerClient, RateLimiter? requestLimiter, RateLimiter? tokenLimiter, int maxTokensPerAcquire = int.MaxValue)
        : base(innerClient)
    {
        if (requestLimiter is null && tokenLimiter is null)
        {
            throw new ArgumentException("Give a request limiter or a token limiter (or both).", nameof(requestLimiter));
        }

        _budget = new RequestBudget(requestLimiter, tokenLimiter, maxTokensPerAcquire, ownsLimiters: false);
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var estimate = await _budget.AcquireAsync(list, cancellationToken);
        var response = await base.GetResponseAsync(list, options, cancellationToken);
        _budget.Settle(estimate, response);
        return response;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _budget.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }
}
