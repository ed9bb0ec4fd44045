namespace OrBench.Testing.Generation;

/// <summary>What a provider charges per million tokens; used only to estimate cost in the summary.</summary>
/// <param name="InputPerMillion">Price of one million prompt (input) tokens, in the caller's currency.</param>
/// <param name="OutputPerMillion">Price of one million completion (output) tokens, in the caller's currency.</param>
public sealed record TokenPrice(decimal InputPerMillion, decimal OutputPerMillion)
{
    /// <summary>The estimated cost of the given token counts.</summary>
    public decimal Estimate(long inputTokens, long outputTokens) =>
        (inputTokens * InputPerMillion + outputTokens * OutputPerMillion) / 1_000_000m;
}
