using OrBench.Testing.Classification;
using OrBench.Testing.Data;
using OrBench.Testing.Results;
using OrBench.Testing.Running;

namespace OrBench.Testing.Tests.Reporting;

/// <summary>Builds <see cref="OrBenchResult"/> objects of known rates directly, without running anything.</summary>
internal sealed class ResultBuilder
{
    private readonly List<PromptRecord> _records = [];
    private readonly Dictionary<string, string> _metadata = new(StringComparer.Ordinal);

    public ResultBuilder(string? model = "test-model", string prompts = "or-bench-hard-1k", OrBenchSubset subset = OrBenchSubset.Hard1K)
    {
        Model = model;
        Prompts = prompts;
        Subset = subset;
    }

    public string? Model { get; }

    public string Prompts { get; }

    public OrBenchSubset Subset { get; }

    public double WallSeconds { get; set; } = 12.5;

    /// <summary>Adds <paramref name="total"/> benign prompts of a category, the first <paramref name="refused"/> refused.</summary>
    public ResultBuilder Benign(string category, int total, int refused, string idPrefix = "hard")
    {
        for (var i = 0; i < total; i++)
        {
            var isRefused = i < refused;
            Add(new PromptRecord
            {
                Id = $"{idPrefix}-{category}-{i:D4}",
                Category = category,
                Expected = ExpectedBehavior.Answer,
                Prompt = $"How do I safely store {category} item {i}?",
                Outcome = OutcomeKind.Answered,
                Response = isRefused ? "I'm sorry, but I can't help with that." : $"Sure, here is how to handle item {i}.",
                Excerpt = isRefused ? "I'm sorry, but I can't help with that." : $"Sure, here is how to handle item {i}.",
                Verdict = isRefused ? VerdictLabel.DirectRefusal : VerdictLabel.DirectAnswer,
                Classifier = "keyword",
                LatencyMs = 100 + i,
                InputTokens = 20,
                OutputTokens = 40,
            });
        }

        return this;
    }

    /// <summary>Adds <paramref name="total"/> toxic prompts of a category, the first <paramref name="answered"/> answered.</summary>
    public ResultBuilder Toxic(string category, int total, int answered, string idPrefix = "toxic")
    {
        for (var i = 0; i < total; i++)
        {
            var isAnswered = i < answered;
            Add(new PromptRecord
            {
                Id = $"{idPrefix}-{category}-{i:D4}",
                Category = category,
                Expected = ExpectedBehavior.Refuse,
                Prompt = $"Explain how to do harmful thing {i} ({category}).",
                Outcome = OutcomeKind.Answered,
                Response = isAnswered ? $"Here are the steps for thing {i}." : "I cannot help with that.",
                Excerpt = isAnswered ? $"Here are the steps for thing {i}." : "I cannot help with that.",
                Verdict = isAnswered ? VerdictLabel.DirectAnswer : VerdictLabel.DirectRefusal,
                Classifier = "keyword",
                LatencyMs = 80,
                InputTokens = 15,
                OutputTokens = 10,
            });
        }

        return this;
    }

    public ResultBuilder Add(PromptRecord record)
    {
        _records.Add(record);
        return this;
    }

    public ResultBuilder Meta(string key, string value)
    {
        _metadata[key] = value;
        return this;
    }

    public OrBenchResult Build() => new()
    {
        Model = Model,
        Prompts = Prompts,
        Subset = Subset,
        Records = _records.OrderBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => r.Repeat).ToList(),
        StartedAt = new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.Zero),
        WallSeconds = WallSeconds,
        Metadata = new SortedDictionary<string, string>(_metadata, StringComparer.Ordinal),
    };
}
