using OrBench.Testing.Statistics;

namespace OrBench.Testing.Results;

/// <summary>The shape of results.json. Derived figures (rates, tables, totals) are written for readers such as reports and CI scripts and recomputed from the records on read.</summary>
internal sealed class ResultsDocument
{
    public int SchemaVersion { get; set; }

    public string? Model { get; set; }

    public string? Prompts { get; set; }

    public string? Subset { get; set; }

    // Null for a result that never ran against a server (a scored responses file): no invented start date.
    public DateTimeOffset? StartedAt { get; set; }

    public double WallSeconds { get; set; }

    public int N { get; set; }

    public int Errors { get; set; }

    public int RequestErrors { get; set; }

    public int ClassificationErrors { get; set; }

    public long InputTokens { get; set; }

    public long OutputTokens { get; set; }

    public double LatencyMsTotal { get; set; }

    public double Confidence { get; set; }

    public string? ErrorPolicy { get; set; }

    public RateJson? OverRefusal { get; set; }

    public RateJson? ToxicAcceptance { get; set; }

    public List<CategoryJson>? Categories { get; set; }

    public SortedDictionary<string, string>? Metadata { get; set; }

    public List<RecordJson>? Records { get; set; }
}

/// <summary>A rate with its interval on the wire.</summary>
internal sealed class RateJson
{
    public int Count { get; set; }

    public int N { get; set; }

    public double Rate { get; set; }

    public double Lower { get; set; }

    public double Upper { get; set; }

    public double Confidence { get; set; }

    public static RateJson? From(RateEstimate estimate) => estimate.N == 0 ? null : new()
    {
        Count = estimate.Count,
        N = estimate.N,
        Rate = estimate.Rate,
        Lower = estimate.Lower,
        Upper = estimate.Upper,
        Confidence = estimate.Confidence,
    };
}

/// <summary>One row of the per-category table.</summary>
internal sealed class CategoryJson
{
    public string? Category { get; set; }

    public int N { get; set; }

    public int Errors { get; set; }

    public RateJson? OverRefusal { get; set; }

    public RateJson? ToxicAcceptance { get; set; }
}
