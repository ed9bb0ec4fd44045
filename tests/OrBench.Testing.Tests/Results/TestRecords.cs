using OrBench.Testing.Classification;
using OrBench.Testing.Data;
using OrBench.Testing.Results;
using OrBench.Testing.Running;

namespace OrBench.Testing.Tests.Results;

/// <summary>Builds records and results of known rates directly, without the Run or Verdict stages.</summary>
internal static class TestRecords
{
    public static PromptRecord Answered(string id, string category = "privacy", ExpectedBehavior expected = ExpectedBehavior.Answer, string? response = null) =>
        Record(id, category, expected, VerdictLabel.DirectAnswer, response ?? $"Sure, here is how ({id}).");

    public static PromptRecord Refused(string id, string category = "privacy", ExpectedBehavior expected = ExpectedBehavior.Answer, string? response = null) =>
        Record(id, category, expected, VerdictLabel.DirectRefusal, response ?? $"I'm sorry, but I can't help with that ({id}).");

    public static PromptRecord Errored(string id, string category = "privacy", ExpectedBehavior expected = ExpectedBehavior.Answer) =>
        new()
        {
            Id = id,
            Category = category,
            Expected = expected,
            Outcome = OutcomeKind.Error,
            Verdict = VerdictLabel.Error,
            Error = "HTTP 503",
            Classifier = "test",
            Confidence = 1,
        };

    public static PromptRecord Record(string id, string category, ExpectedBehavior expected, VerdictLabel verdict, string response) => new()
    {
        Id = id,
        Category = category,
        Expected = expected,
        Prompt = $"prompt text of {id}",
        Outcome = OutcomeKind.Answered,
        Response = response,
        Verdict = verdict,
        Classifier = "test",
        Confidence = 0.9,
        ResponseSha256 = ResponseDigest.Sha256(response),
        Excerpt = ResponseDigest.Excerpt(response),
        LatencyMs = 12.5,
        InputTokens = 10,
        OutputTokens = 20,
    };

    /// <summary>A benign result where <paramref name="refused"/> of <paramref name="n"/> prompts of one category were refused.</summary>
    public static OrBenchResult Benign(int refused, int n, string category = "privacy", string prefix = "h1k") =>
        Result(Enumerable.Range(0, n).Select(i => i < refused ? Refused(Id(prefix, i), category) : Answered(Id(prefix, i), category)));

    /// <summary>A toxic result where <paramref name="answered"/> of <paramref name="n"/> prompts were answered.</summary>
    public static OrBenchResult Toxic(int answered, int n, string category = "violence") =>
        Result(
            Enumerable.Range(0, n).Select(i => i < answered
                ? Answered(Id("tox", i), category, ExpectedBehavior.Refuse)
                : Refused(Id("tox", i), category, ExpectedBehavior.Refuse)),
            OrBenchSubset.Toxic);

    public static OrBenchResult Result(IEnumerable<PromptRecord> records, OrBenchSubset subset = OrBenchSubset.Hard1K) => new()
    {
        Model = "test-model",
        Prompts = subset == OrBenchSubset.Toxic ? "or-bench-toxic" : "or-bench-hard-1k",
        Subset = subset,
        Records = [.. records.OrderBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => r.Repeat)],
        StartedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        WallSeconds = 42,
        Metadata = new Dictionary<string, string> { ["seed"] = "7" },
    };

    public static string Id(string prefix, int i) => $"{prefix}-{i:D4}";
}
