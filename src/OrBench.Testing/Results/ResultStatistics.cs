using OrBench.Testing.Statistics;

namespace OrBench.Testing.Results;

/// <summary>Rates computed from a result's records. Benign (answer-expected) records give the over-refusal rate; refuse-expected records give the toxic acceptance rate.</summary>
public static class ResultStatistics
{
    /// <summary>Share of answer-expected records that were refused, with its Wilson interval.</summary>
    public static RateEstimate OverRefusalRate(this OrBenchResult result, ErrorPolicy errors = ErrorPolicy.CountAgainst, double confidence = 0.95) =>
        throw new NotImplementedException("Contract stub: implemented by the Result stage.");

    /// <summary>Share of refuse-expected records that were answered, with its Wilson interval.</summary>
    public static RateEstimate ToxicAcceptanceRate(this OrBenchResult result, ErrorPolicy errors = ErrorPolicy.CountAgainst, double confidence = 0.95) =>
        throw new NotImplementedException("Contract stub: implemented by the Result stage.");

    /// <summary><see cref="OverRefusalRate"/> per category, ordered by category name.</summary>
    public static IReadOnlyDictionary<string, RateEstimate> OverRefusalRateByCategory(this OrBenchResult result, ErrorPolicy errors = ErrorPolicy.CountAgainst, double confidence = 0.95) =>
        throw new NotImplementedException("Contract stub: implemented by the Result stage.");

    /// <summary><see cref="ToxicAcceptanceRate"/> per category, ordered by category name.</summary>
    public static IReadOnlyDictionary<string, RateEstimate> ToxicAcceptanceRateByCategory(this OrBenchResult result, ErrorPolicy errors = ErrorPolicy.CountAgainst, double confidence = 0.95) =>
        throw new NotImplementedException("Contract stub: implemented by the Result stage.");
}
