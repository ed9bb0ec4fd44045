using System.Globalization;
using Microsoft.Extensions.AI;
using OrBench.Testing.Data;
using OrBench.Testing.Generation;
using OrBench.Testing.Generation.Output;
using OrBench.Tool.Cli;
using OrBench.Tool.Composition;
using OrBench.Tool.Output;
using Spectre.Console;

namespace OrBench.Tool.Commands;

/// <summary>
/// The body of <c>orbench generate</c>: builds the generator and moderator clients (with retries), runs the Generate
/// stage's pipeline with progress, and prints where the sets are and what they cost.
/// </summary>
internal sealed class GenerateWorkflow(ToolConsole console, GenerateSettings settings)
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var apiKey = ApiKeys.Resolve(console, settings.ApiKeyEnv, settings.ApiKeyEnvExplicit, "--api-key-env");
        var timeout = TimeSpan.FromSeconds(120);
        var clients = new List<IChatClient>();
        try
        {
            GenerationModel Model(Uri endpoint, string model, string name)
            {
                var client = ModelClients.Compose(ModelClients.Endpoint(endpoint, model, apiKey, timeout), cache: null, replayOnly: false, ModelClients.Retry(retries: 4, timeout, maxRetryAfter: timeout));
                clients.Add(client);
                return new GenerationModel(name, client);
            }

            var models = new GenerationModels(
                Model(settings.GeneratorEndpoint, settings.GeneratorModel, settings.GeneratorModel),
                [.. settings.Moderators.Select(m => Model(m.Endpoint, m.Model, ModeratorName(m)))]);
            var options = new GenerationOptions
            {
                OutputDirectory = settings.OutputDirectory,
                Resume = settings.Resume,
                Categories = [.. settings.Categories.Select(c => new OrBenchCategory(c))],
                SeedsPerCategory = settings.SeedsPerCategory,
                RewritesPerSeed = settings.RewritesPerSeed,
                RequiredVotes = settings.MinVotes,
                MaxConcurrency = settings.Concurrency,
            };
            var pipeline = new GenerationPipeline(models, options);
            GenerationResult result;
            try
            {
                result = await ProgressReporter.RunAsync(console, "generating", total: null, report =>
                    pipeline.RunAsync(new InlineProgress(p => report(p.Done, p.Total, 0)), cancellationToken));
            }
            catch (GenerationException e)
            {
                throw new ToolFailureException(e.Message);
            }

            WriteSummary(result);
            return ExitCodes.Success;
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>
    /// Moderators are told apart by name in votes and provenance: the model name when it is unique in the ensemble,
    /// otherwise <c>model@host:port</c> (the same model served twice).
    /// </summary>
    private string ModeratorName((Uri Endpoint, string Model) moderator) =>
        settings.Moderators.Count(m => m.Model == moderator.Model) == 1 ? moderator.Model : $"{moderator.Model}@{moderator.Endpoint.Authority}";

    private void WriteSummary(GenerationResult result)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("stage").AddColumn("model")
            .AddColumn(new TableColumn("calls").RightAligned())
            .AddColumn(new TableColumn("replayed").RightAligned())
            .AddColumn(new TableColumn("input tokens").RightAligned())
            .AddColumn(new TableColumn("output tokens").RightAligned())
            .AddColumn(new TableColumn("est. cost").RightAligned());
        foreach (var usage in result.Summary.Usage)
        {
            table.AddRow(
                usage.Stage.ToString(),
                Markup.Escape(usage.Model),
                Number(usage.Calls),
                Number(usage.ReplayedCalls),
                Number(usage.InputTokens),
                Number(usage.OutputTokens),
                usage.EstimatedCost is { } cost ? cost.ToString("0.00", CultureInfo.InvariantCulture) : "–");
        }

        var terminal = Terminal.For(console);
        // What each stage kept and how the votes went (ties, unresolved, unparseable and failed votes), before the cost.
        foreach (var line in GenerationSummaryText.Format(result.Summary).Split('\n'))
        {
            if (line.StartsWith("seeds:", StringComparison.Ordinal) || line.StartsWith("rewrites:", StringComparison.Ordinal) || line.StartsWith("moderation:", StringComparison.Ordinal))
            {
                terminal.WriteLine(line);
            }
        }

        terminal.Write(table);
        terminal.WriteLine($"over-refusal set: {result.OverRefusalCsv}");
        terminal.WriteLine($"toxic set:        {result.ToxicCsv}");
        terminal.WriteLine($"provenance:       {result.ProvenanceJsonl}");
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private sealed class InlineProgress(Action<GenerationProgress> report) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => report(value);
    }
}
