using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using OrBench.Testing.Data;
using OrBench.Testing.Gates;
using OrBench.Testing.Middleware;
using OrBench.Testing.Reporting;
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
    private ResponseCacheStatistics? _cacheStatistics;

    /// <summary>The endpoint a replay-only run without <c>--endpoint</c> is composed with; the reserved .invalid name never resolves.</summary>
    private static readonly Uri ReplayOnlyEndpoint = new("http://replay-only.invalid/v1");

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        CheckInputsExist();
        // A replay never reaches a server, so it needs no key (a credential-free CI job).
        var apiKey = settings.Responses is null && !settings.ReplayOnly
            ? ApiKeys.Resolve(console, settings.ApiKeyEnv, settings.ApiKeyEnvExplicit, "--api-key-env")
            : null;
        Classifiers.ResolveJudgeKey(settings.Classifier, console);
        StagedOutput.Check(settings.OutputDirectory, "--output", ResultFiles.ResultsFileName, ResultFiles.RecordsFileName, ReportWriter.MarkdownFileName, ReportWriter.HtmlFileName);
        var choice = await PromptSources.LoadAsync(settings, console, cancellationToken);
        var prompts = choice.Selection.Prompts;

        var cache = settings.Cache is { } spec ? ResponseCaches.Create(spec, console) : null;
        try
        {
            var run = settings.Responses is { } responses
                ? await ImportAsync(console.FullPath(responses), choice, cancellationToken)
                : await SendAsync(prompts, apiKey, cache, cancellationToken);
            if (run.Cancelled)
            {
                throw new OperationCanceledException(cancellationToken);
            }

            using var classifiers = Classifiers.Create(settings.Classifier, console, cache, settings.ReplayOnly);
            var verdicts = await ResultClassification.ClassifyAsync(run, classifiers.Classifier, cancellationToken: cancellationToken);
            var result = ResultBuilder.Build(run, verdicts, Metadata(choice.Selection, classifiers.Classifier.Name));
            await FlushAsync(cache, cancellationToken);
            StopWhenEveryClassificationFailed(result);
            var baseline = settings.Baseline is { } path ? await ResultFiles.ReadAsync(console.FullPath(path), cancellationToken) : null;
            var gates = CommandLineGates();
            WrittenReport written;
            using (var output = StagedOutput.Begin(settings.OutputDirectory, "--output"))
            {
                await ResultFiles.WriteAsync(result, output.Staging, cancellationToken);
                written = await ReportWriter.WriteAsync([result], output.Staging, Reports.Options(baseline, gates), cancellationToken);
                output.Commit();
            }

            await Reports.AppendStepSummaryAsync(console, "orbench run", Path.Combine(settings.OutputDirectory, ReportWriter.MarkdownFileName), cancellationToken);
            if (settings.Format == OutputFormat.Text)
            {
                RunSummary.Write(console, result, settings.OutputDirectory, gates.Count > 0 ? written.Gates : [], _cacheStatistics);
            }

            if (run.Outcomes.Count > 0 && run.Outcomes.All(o => o.Kind == OutcomeKind.Error))
            {
                throw new ToolFailureException($"every request failed (files written to {settings.OutputDirectory}); first error: {run.Outcomes[0].Error}");
            }

            var gateOutcomes = gates.Count > 0 ? written.Gates : [];
            var exitCode = Gates.Decide(console, "orbench run", gateOutcomes);
            var regression = baseline is not null && settings.MaxRegression is { } tolerance
                ? RegressionAssessment.Assess(ResultComparison.Compare(baseline, result), tolerance: tolerance)
                : null;
            if (regression is { Regressed: true })
            {
                await console.Error.WriteLineAsync($"orbench run: regression: {RegressionGate.Describe(regression)}");
                exitCode = exitCode == ExitCodes.Success ? ExitCodes.Regressed : exitCode;
            }

            if (settings.Format == OutputFormat.Json)
            {
                await RunJson.WriteAsync(console, result, gateOutcomes, regression, settings.OutputDirectory, exitCode);
            }

            return exitCode;
        }
        catch (EndpointUnavailableException e)
        {
            throw new ToolFailureException(Unavailable(e));
        }
        catch (Exception e) when (JudgeUnavailableException.In(e) is { } judge)
        {
            throw new ToolFailureException(judge.Message, e);
        }
        catch (ReplayMissException e)
        {
            var ids = e.PromptIds.Count == 0 ? string.Empty : $": {string.Join(", ", e.PromptIds.Take(10))}{(e.PromptIds.Count > 10 ? $" and {e.PromptIds.Count - 10} more" : string.Empty)}";
            throw new ToolFailureException($"--replay-only: no recorded response for {e.PromptIds.Count} prompt(s){ids}; record them once without --replay-only");
        }
        finally
        {
            (cache as IDisposable)?.Dispose();
        }
    }

    private async Task<RunResult> SendAsync(PromptSet prompts, string? apiKey, IDistributedCache? cache, CancellationToken cancellationToken)
    {
        // Under --replay-only every response comes from the cache and the client is never called; without an endpoint
        // (neither --endpoint nor ORBENCH_ENDPOINT) answers recorded from any endpoint are replayed.
        var endpoint = settings.Endpoint ?? (settings.ReplayOnly ? ReplayOnlyEndpoint : throw new UsageException("--endpoint is required"));
        var model = settings.Model ?? throw new UsageException("--model is required");
        var timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        var maxRetryAfter = settings.MaxRetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : timeout;
        var waits = new RetryWaitReporter(console, "orbench run");
        using var client = ModelClients.Compose(
            ModelClients.Endpoint(endpoint, model, apiKey, timeout, settings.MaxResponseBytes),
            cache,
            settings.ReplayOnly,
            ModelClients.Retry(settings.Retries, timeout, maxRetryAfter, waits.Report),
            settings.ModelVersion,
            anyEndpoint: settings.Endpoint is null);
        var options = new RunOptions
        {
            SystemPrompt = settings.SystemPrompt,
            Repeats = settings.Repeats,
            MaxConcurrency = settings.Concurrency,
            RequestTimeout = null,
            RequestsPerMinute = settings.RequestsPerMinute,
            TokensPerMinute = settings.TokensPerMinute,
            ChatOptions = new ChatOptions { ModelId = model },
        };
        var runner = new PromptRunner(client, options);
        var run = await ProgressReporter.RunAsync(console, $"{model} on {prompts.Name}", prompts.Count * settings.Repeats, report =>
            runner.RunAsync(prompts, new InlineProgress(p => report(p.Done, p.Total, p.Errors)), cancellationToken));
        _cacheStatistics = client.GetService<ResponseCachingChatClient>()?.Statistics;
        return run with { Model = model };
    }

    /// <summary>A finished run has every recorded answer on disk before its results are written (the cache writes in the background).</summary>
    private static async Task FlushAsync(IDistributedCache? cache, CancellationToken cancellationToken)
    {
        if (cache is not FileDistributedCache files)
        {
            return;
        }

        try
        {
            await files.FlushAsync(cancellationToken);
        }
        catch (IOException e)
        {
            throw new ToolFailureException($"--cache: {e.Message}", e);
        }
    }

    // A judge that never answered leaves a result with no verdict at all: writing it would look like a measurement.
    private static void StopWhenEveryClassificationFailed(OrBenchResult result)
    {
        var classified = result.Records.Where(r => r.Outcome == OutcomeKind.Answered).ToList();
        if (classified.Count == 0 || !classified.All(ErrorCounts.IsClassificationError))
        {
            return;
        }

        throw new ToolFailureException(
            $"every judge call failed ({classified.Count} of {classified.Count} responses have no verdict; no output was written); first: {classified[0].Error}");
    }

    // The endpoint refused the connection or the key again and again; say which endpoint, and which variable was unset.
    private string Unavailable(EndpointUnavailableException e)
    {
        var hint = e.IsAuthentication
            ? string.IsNullOrEmpty(console.GetEnvironmentVariable(settings.ApiKeyEnv))
                ? $"; {settings.ApiKeyEnv} is not set, so no key was sent: set it (or name another variable with --api-key-env)"
                : $"; check the key in {settings.ApiKeyEnv}"
            : "; is the server running, and is --endpoint right?";
        return e.Message + hint;
    }

    private async Task<RunResult> ImportAsync(string path, PromptChoice choice, CancellationToken cancellationToken)
    {
        ImportedResponses imported;
        try
        {
            // Matched against the whole set: a row of a prompt that --category, --sample or --shard left out is not "unmatched".
            imported = await ExistingResponses.ReadFileAsync(path, choice.Loaded, cancellationToken);
        }
        catch (ResponseFileException e)
        {
            throw new ToolFailureException(e.Message);
        }

        var file = Path.GetFileName(path);
        var prompts = choice.Selection.Prompts;
        var unmatched = imported.Unmatched.Where(u => u.DuplicateOfLine is null).ToList();
        if (unmatched.Count > 0)
        {
            await console.Error.WriteLineAsync($"orbench run: warning: {unmatched.Count} row(s) of {file} matched no prompt of {choice.Loaded.Name} and were not scored (first: line {unmatched[0].Line}: {unmatched[0].Reason})");
        }

        foreach (var duplicate in imported.Unmatched.Where(u => u.DuplicateOfLine is not null))
        {
            await console.Error.WriteLineAsync($"orbench run: warning: {file}:{duplicate.Line}: duplicate: {duplicate.Reason}");
        }

        var selectedIds = prompts.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var byId = imported.Result.Outcomes.Where(o => selectedIds.Contains(o.PromptId)).ToDictionary(o => o.PromptId, StringComparer.Ordinal);
        var answered = prompts.Where(p => byId.ContainsKey(p.Id)).ToList();
        var missing = prompts.Where(p => !byId.ContainsKey(p.Id)).ToList();
        if (missing.Count > 0)
        {
            await console.Error.WriteLineAsync($"orbench run: warning: {missing.Count} prompt(s) of {prompts.Name} have no response in {file} (first: {missing[0].Id})");
        }

        if (answered.Count == 0 && prompts.Count > 0)
        {
            throw new ToolFailureException($"no row of {file} matched a prompt of {prompts.Name}");
        }

        imported = imported with
        {
            Result = imported.Result with
            {
                Prompts = answered.Count == prompts.Count ? prompts : new PromptSet(prompts.Name, prompts.Subset, answered),
                Outcomes = [.. answered.Select(p => byId[p.Id])],
            },
        };
        return imported.Result with { Model = settings.Model ?? imported.Result.Model };
    }

    private List<Gate> CommandLineGates()
    {
        var options = new GateOptions
        {
            Policy = settings.GatePolicy switch
            {
                "interval" => GatePolicy.IntervalAboveThreshold,
                "strict" => GatePolicy.Strict,
                "point" => GatePolicy.PointEstimate,
                _ => null,
            },
            ErrorBudget = settings.ErrorBudget ?? GateOptions.DefaultErrorBudget,
        };
        var gates = new List<Gate>();
        if (settings.MaxOverRefusal is { } overRefusal)
        {
            gates.Add(Gate.OverRefusal(overRefusal, options: options));
        }

        if (settings.MaxToxicAcceptance is { } toxic)
        {
            gates.Add(Gate.ToxicAcceptance(toxic, options: options));
        }

        return gates;
    }

    private SortedDictionary<string, string> Metadata(PromptSelectionResult selected, string classifier)
    {
        // The selection's facts (set size, prompts sent, categories, sample, shard) as the library's own run records them, so shards merge.
        var metadata = RunFacts.Of(selected);
        metadata["tool"] = "orbench run";
        metadata[RunFacts.Classifier] = classifier;
        DataFileFacts.AddTo(metadata, selected.Prompts);
        if (settings.SystemPrompt is not null)
        {
            metadata[RunFacts.SystemPrompt] = "custom";
        }

        if (settings.Responses is { } responses)
        {
            metadata[RunFacts.Responses] = Path.GetFileName(responses);
        }

        if (settings.ModelVersion is { } version)
        {
            metadata["modelVersion"] = version;
        }

        if (settings.Cache is { } cache)
        {
            metadata["cache"] = ResponseCaches.IsRedis(cache) ? "redis" : "directory";
            metadata["replayOnly"] = settings.ReplayOnly ? "true" : "false";
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
