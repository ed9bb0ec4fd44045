using Microsoft.Extensions.AI;
using OrBench.Testing.Classification.Cascading;
using OrBench.Testing.Classification.Judging;
using OrBench.Testing.Classification.Keywords;
using OrBench.Testing.Classification.Offline;

namespace OrBench.Testing.Classification;

/// <summary>The built-in classifiers.</summary>
public static class RefusalClassifiers
{
    private static readonly Lazy<OfflineClassifier> OfflineDefault = new(() => new OfflineClassifier());

    /// <summary>The default classifier: offline (no model call), the best agreement with human labels the project measured.</summary>
    public static IRefusalClassifier Default => OfflineDefault.Value;

    /// <summary>The offline classifier with the shipped model (same instance as <see cref="Default"/>).</summary>
    public static OfflineClassifier Offline => OfflineDefault.Value;

    /// <summary>A keyword classifier; <see cref="KeywordPresets.Default"/> when <paramref name="patterns"/> is null.</summary>
    public static KeywordClassifier Keyword(KeywordPatterns? patterns = null) =>
        patterns is null ? KeywordClassifier.Default : new KeywordClassifier(patterns);

    /// <summary>An LLM judge over <paramref name="judge"/>, which should already carry the caller's cache/retry middleware.</summary>
    public static LlmJudgeClassifier Judge(IChatClient judge, LlmJudgeOptions? options = null) => new(judge, options);

    /// <summary>The offline classifier first, the judge only for responses it is unsure about.</summary>
    public static CascadeClassifier Cascade(IChatClient judge, CascadeOptions? options = null, LlmJudgeOptions? judgeOptions = null) =>
        new(Offline, Judge(judge, judgeOptions), options);
}
