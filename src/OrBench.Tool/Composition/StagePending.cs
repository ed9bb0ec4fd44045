using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using OrBench.Testing.Classification;
using OrBench.Testing.Data;
using OrBench.Testing.Results;
using OrBench.Testing.Running;
using OrBench.Tool.Commands;

namespace OrBench.Tool.Composition;

/// <summary>Calls into stages whose APIs have not landed on main yet. Each member is replaced by the real call after merging.</summary>
internal static class StagePending
{
    public static Task<PromptSet> LoadPromptFileAsync(string path, ExpectedBehavior expected, CancellationToken cancellationToken) =>
        throw new NotImplementedException("pending: Data stage custom prompt files");

    public static Task<RunResult> ScoreResponsesAsync(string path, PromptSet prompts, string? model, CancellationToken cancellationToken) =>
        throw new NotImplementedException("pending: Run stage response scoring");

    public static IChatClient ComposeMiddleware(IChatClient raw, RunSettings settings, IDistributedCache? cache) =>
        throw new NotImplementedException("pending: Run stage middleware");

    public static Task<OrBenchResult> BuildResultAsync(RunResult run, IRefusalClassifier classifier, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        throw new NotImplementedException("pending: Result stage record assembly");

    public static Task WriteReportsAsync(OrBenchResult result, OrBenchResult? baseline, string directory, CancellationToken cancellationToken) =>
        throw new NotImplementedException("pending: Report stage");

    public static Task<string> ClassifyCsvAsync(string input, string output, IRefusalClassifier classifier, CancellationToken cancellationToken) =>
        throw new NotImplementedException("pending: Verdict stage CSV classification");

    public static Task<IReadOnlyList<string>> AcceptAsync(string path, CancellationToken cancellationToken) =>
        throw new NotImplementedException("pending: Snapshot stage accept");

    public static OrBenchResult MergeShards(IReadOnlyList<OrBenchResult> shards) =>
        throw new NotImplementedException("pending: Result stage shard merge");

    public static Task WriteComparisonAsync(IReadOnlyList<OrBenchResult> results, OrBenchResult? baseline, string directory, CancellationToken cancellationToken) =>
        throw new NotImplementedException("pending: Report stage comparison");

    public static Task TuneAsync(Cli.ToolConsole console, IReadOnlyList<OrBenchResult> results, double confidence, double margin, double rise, bool json, CancellationToken cancellationToken) =>
        throw new NotImplementedException("pending: Report stage tuner");

    public static Task GenerateAsync(Cli.ToolConsole console, GenerateSettings settings, CancellationToken cancellationToken) =>
        throw new NotImplementedException("pending: Generate stage");
}
