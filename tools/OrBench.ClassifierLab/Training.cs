using OrBench.Testing.Classification.Offline;

namespace OrBench.ClassifierLab;

/// <summary>The shipped model's training recipe: every development row and every seed example, with these options.</summary>
internal static class Training
{
    /// <summary>Options of the shipped model: sources weighted 40 % XSTest, 40 % GPTFuzz, 20 % hand-written examples.</summary>
    public static OfflineTrainingOptions Options { get; } = new()
    {
        SourceShares = new Dictionary<string, double>(StringComparer.Ordinal) { ["xstest"] = 0.4, ["gptfuzz"] = 0.4, ["seed"] = 0.2 },
    };

    public static OfflineModel Train(IReadOnlyList<LabeledRow> rows, OfflineTrainingOptions? options = null) =>
        OfflineModelTrainer.Train([.. rows.Select(r => r.ToExample())], options ?? Options);
}
