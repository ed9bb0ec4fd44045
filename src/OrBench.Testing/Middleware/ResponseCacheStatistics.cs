namespace OrBench.Testing.Middleware;

/// <summary>
/// Where a run's answers came from, so a result never passes off replayed answers as a fresh measurement: how many
/// came from the model and how many from the cache, and when the oldest replayed answer was recorded.
/// </summary>
/// <param name="FromModel">Answers the model gave during this run (and that were then recorded).</param>
/// <param name="FromCache">Answers replayed from the cache instead of asking the model.</param>
/// <param name="OldestEntryRecordedAt">When the oldest replayed answer was recorded; null when nothing was replayed
/// (or every replayed entry predates recording times).</param>
public sealed record ResponseCacheStatistics(long FromModel, long FromCache, DateTimeOffset? OldestEntryRecordedAt)
{
    /// <summary>Nothing asked yet.</summary>
    public static ResponseCacheStatistics None { get; } = new(0, 0, null);

    /// <summary>How old the oldest replayed answer is at <paramref name="now"/>; null when nothing with a recording time was replayed.</summary>
    public TimeSpan? OldestEntryAge(DateTimeOffset now) => OldestEntryRecordedAt is { } at ? now - at : null;
}
