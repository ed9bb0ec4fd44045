using System.Globalization;
using Microsoft.Extensions.AI;
using OrBench.Testing.Data;
using OrBench.Testing.Results;
using OrBench.Testing.Running;
using OrBench.Tool.Cli;
using OrBench.Tool.Composition;
using OrBench.Tool.Output;

namespace OrBench.Tool.Commands;

/// <summary>
/// The body of <c>orbench run</c>: composes the stages (Data → Run → Verdict → Result → Report) and prints a summary.
/// It owns no stage logic: every step is a call into OrBench.Testing.
/// </summary>
internal sealed class RunWorkflow(ToolConsole console, RunSettings settings)
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        CheckInputsExist();
        var apiKey = settings.Responses is null
            ? EndpointClients.ResolveApiKey(console, settings.ApiKeyEnv, settings.ApiKeyEnvExplicit, "--api-key-env")
            : null;
        var prompts = await PromptSources.LoadAsync(settings, console, cancellationToken);
        if (prompts.Count == 0)
        {
            throw new UsageException($"no prompts selected from {settings.Prompts} (check --category, --shard)");
        }

        var run = settings.Responses is { } responses
            ? await StagePending.ScoreResponsesAsync(console.FullPath(responses), prompts, settings.Model, cancellationToken)
            : await SendAsync(prompts, apiKey!, cancellationToken);
        if (run.Cancelled)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        var classifier = Classifiers.Create(settings.Classifier, console, settings.ApiKeyEnv);
        var result = await StagePending.BuildResultAsync(run, classifier, Metadata(prompts), cancellationToken);
        Directory.CreateDirectory(settings.OutputDirectory);
        await ResultFiles.WriteAsync(result, settings.OutputDirectory, cancellationToken);
        var baseline = settings.Baseline is { } path ? await ResultFiles.ReadAsync(console.FullPath(path), cancellationToken) : null;
        await StagePending.WriteReportsAsync(result, baseline, settings.OutputDirectory, cancellationToken);
        RunSummary.Write(console, result, settings.OutputDirectory);
        return Gates.Evaluate(console, result, settings);
    }

    private async Task<RunResult> SendAsync(PromptSet prompts, string apiKey, CancellationToken cancellationToken)
    {
        var endpoint = settings.Endpoint ?? throw new UsageException("--endpoint is required");
        var model = settings.Model ?? throw new UsageException("--model is required");
        var timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        using var raw = EndpointClients.Create(endpoint, model, apiKey, timeout);
        using var client = StagePending.ComposeMiddleware(raw, settings, settings.Cache is { } spec ? ResponseCaches.Create(spec, console) : null);
        var options = new RunOptions
        {
            SystemPrompt = settings.SystemPrompt,
            Repeats = settings.Repeats,
            MaxConcurrency = settings.Concurrency,
            RequestTimeout = timeout,
            RequestsPerMinute = settings.RequestsPerMinute,
            TokensPerMinute = settings.TokensPerMinute,
            ChatOptions = new ChatOptions { ModelId = model },
        };
        var runner = new PromptRunner(client, options);
        return await ProgressReporter.RunAsync(console, $"{model} on {prompts.Name}", report =>
            runner.RunAsync(prompts, new InlineProgress(p => report(p.Done, p.Total, p.Errors)), cancellationToken));
    }

    private Dictionary<string, string> Metadata(PromptSet prompts)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["tool"] = "orbench run",
            ["classifier"] = settings.Classifier.Kind.ToString().ToLowerInvariant(),
            ["promptCount"] = prompts.Count.ToString(CultureInfo.InvariantCulture),
        };
        if (settings.Sample is { } sample)
        {
            metadata["sample"] = sample.ToString(CultureInfo.InvariantCulture);
            metadata["seed"] = settings.Seed.ToString(CultureInfo.InvariantCulture);
        }

        if (settings.Shard is { } shard)
        {
            metadata["shard"] = shard;
        }

        if (settings.Categories.Count > 0)
        {
            metadata["categories"] = string.Join(',', settings.Categories);
        }

        if (settings.SystemPrompt is not null)
        {
            metadata["systemPrompt"] = "custom";
        }

        if (settings.Responses is { } responses)
        {
            metadata["responses"] = Path.GetFileName(responses);
        }

        return metadata;
    }

    private void CheckInputsExist()
    {
        foreach (var (option, path) in new[] { ("--responses", settings.Responses), ("--baseline", settings.Baseline), ("--data-dir", settings.DataDirectory) })
        {
            if (path is null)
            {
                continue;
            }

            var full = console.FullPath(path);
            if (option == "--data-dir" ? !Directory.Exists(full) : !File.Exists(full))
            {
                throw new UsageException($"{option} '{path}' does not exist");
            }
        }
    }

    /// <summary>An <see cref="IProgress{T}"/> that calls back synchronously (no SynchronizationContext hop).</summary>
    private sealed class InlineProgress(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }
}
