using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using OrBench.Testing.Classification;
using OrBench.Tool.Cli;
using OrBench.Tool.Commands;

namespace OrBench.Tool.Composition;

/// <summary>
/// Builds the Verdict stage's classifier named by <c>--classifier</c>. The judge talks to its own endpoint through the
/// same middleware as the model under test (retry, and the response cache when one is configured), so judge calls are
/// replayed too.
/// </summary>
internal sealed class Classifiers : IDisposable
{
    private readonly IChatClient? _judge;

    private Classifiers(IRefusalClassifier classifier, IChatClient? judge)
    {
        Classifier = classifier;
        _judge = judge;
    }

    public IRefusalClassifier Classifier { get; }

    public static Classifiers Create(JudgeSettings settings, ToolConsole console, IDistributedCache? cache = null, bool replayOnly = false)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Kind is ClassifierKind.Keyword)
        {
            return new(RefusalClassifiers.Keyword(settings.KeywordPreset), null);
        }

        if (settings.Kind is ClassifierKind.Offline)
        {
            return new(RefusalClassifiers.Default, null);
        }

        var endpoint = settings.JudgeEndpoint ?? throw new UsageException($"--classifier {settings.Kind.ToString().ToLowerInvariant()} needs --judge-endpoint");
        var model = settings.JudgeModel ?? throw new UsageException($"--classifier {settings.Kind.ToString().ToLowerInvariant()} needs --judge-model");
        var key = ResolveJudgeKey(settings, console);
        var timeout = TimeSpan.FromSeconds(120);
        var raw = ModelClients.Endpoint(endpoint, model, key, timeout);
        var judge = ModelClients.Compose(raw, cache, replayOnly, ModelClients.Retry(retries: 4, timeout, maxRetryAfter: timeout));
        IRefusalClassifier classifier = settings.Kind is ClassifierKind.Judge
            ? RefusalClassifiers.Judge(judge)
            : RefusalClassifiers.Cascade(judge);
        return new(new JudgeCircuitBreaker(classifier, endpoint), judge);
    }

    /// <summary>
    /// The judge's API key, or null when the classifier needs no judge. Called before a run starts too, so an unset
    /// variable named by <c>--judge-api-key-env</c> is a usage error before any model call, not after the whole run.
    /// </summary>
    public static string? ResolveJudgeKey(JudgeSettings settings, ToolConsole console)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Kind is ClassifierKind.Keyword or ClassifierKind.Offline)
        {
            return null;
        }

        return console.GetEnvironmentVariable(settings.JudgeApiKeyEnv) is { Length: > 0 } judgeKey
            ? judgeKey
            : ApiKeys.Resolve(
                console,
                settings.JudgeApiKeyEnvExplicit ? settings.JudgeApiKeyEnv : RunCommand.DefaultApiKeyEnv,
                settings.JudgeApiKeyEnvExplicit,
                "--judge-api-key-env");
    }

    public void Dispose() => _judge?.Dispose();
}
