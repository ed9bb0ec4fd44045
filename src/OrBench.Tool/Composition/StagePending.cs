using OrBench.Testing.Classification;

namespace OrBench.Tool.Composition;

/// <summary>Calls into stages whose APIs have not landed on main yet. Each member is replaced by the real call after merging.</summary>
internal static class StagePending
{
    public static Task<string> ClassifyCsvAsync(string input, string output, IRefusalClassifier classifier, CancellationToken cancellationToken) =>
        throw new NotImplementedException("pending: Verdict stage CSV classification");

    public static IRefusalClassifier KeywordClassifier() => throw new NotImplementedException("pending: Verdict stage keyword classifier");

    public static IRefusalClassifier Judge(Microsoft.Extensions.AI.IChatClient judge) => throw new NotImplementedException("pending: Verdict stage judge");

    public static IRefusalClassifier Cascade(Microsoft.Extensions.AI.IChatClient judge) => throw new NotImplementedException("pending: Verdict stage cascade");
}
