using OrBench.Testing.Classification;
using OrBench.Tool.Cli;
using OrBench.Tool.Commands;

namespace OrBench.Tool.Composition;

/// <summary>Builds the Verdict stage's classifier named by <c>--classifier</c>; the judge talks to its own endpoint.</summary>
internal static class Classifiers
{
    public static IRefusalClassifier Create(JudgeSettings settings, ToolConsole console, string modelApiKeyEnv)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Kind switch
        {
            ClassifierKind.Offline => RefusalClassifiers.Default,
            _ => throw new NotImplementedException("pending: Verdict stage classifiers"),
        };
    }
}
