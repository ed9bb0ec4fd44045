using System.CommandLine;
using OrBench.Tool.Cli;

namespace OrBench.Tool.Commands;

/// <summary>
/// <c>orbench generate</c>: the paper's pipeline for a team's own prompt sets — toxic seeds, seemingly-toxic rewrites,
/// ensemble moderation — over OpenAI-compatible endpoints, resumable through a response cache in the output directory.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(ToolConsole console)
    {
        var generatorEndpoint = new Option<string?>("--generator-endpoint") { HelpName = "URL", Description = "Base URL of the generator model's OpenAI-compatible server.", Required = true }.HttpUrl();
        var generatorModel = new Option<string>("--generator-model") { HelpName = "NAME", Description = "Model name of the generator.", Required = true };
        var moderatorEndpoints = new Option<string[]>("--moderator-endpoint")
        {
            HelpName = "URL",
            Description = "Base URL of a moderator model; repeat for an ensemble (the paper uses three).",
            Required = true,
        }.HttpUrls();
        var moderatorModels = new Option<string[]>("--moderator-model")
        {
            HelpName = "NAME",
            Description = "Model name of each moderator, in the order of --moderator-endpoint; give one to use it for every endpoint.",
            Required = true,
        };
        var categories = SharedOptions.Category("Categories to generate, case-insensitive; repeat or comma-separate (--category medical,finance). Also accepted as --categories.", required: true, "--categories");
        var seeds = new Option<int>("--seeds-per-category") { HelpName = "N", Description = "Toxic seeds to generate per category.", Required = true }.AtLeast(1);
        var rewrites = new Option<int>("--rewrites-per-seed") { HelpName = "M", Description = "Seemingly-toxic rewrites per seed (the paper uses 5).", DefaultValueFactory = _ => 5 }.AtLeast(1);
        var votes = new Option<int?>("--min-votes") { HelpName = "K", Description = "Moderator votes needed for a verdict (default: a strict majority of the moderators)." }.AtLeast(1);
        var concurrency = new Option<int>("--concurrency") { HelpName = "C", Description = "Requests in flight at once.", DefaultValueFactory = _ => 8 }.AtLeast(1);
        var apiKeyEnv = new Option<string>("--api-key-env") { HelpName = "VAR", Description = "Environment variable holding the API key of every endpoint.", DefaultValueFactory = _ => RunCommand.DefaultApiKeyEnv };
        var output = SharedOptions.Output("Output directory: over-refusal.csv, toxic.csv, provenance.jsonl, summary.json and the resume journal and checkpoints.", required: true);
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted generation in --output without repeating any journaled model call; without it a directory holding another run is refused." };
        var noProgress = SharedOptions.NoProgress();
        var command = new Command("generate", "Generate a team's own over-refusal prompt set with the OR-Bench pipeline.")
        {
            generatorEndpoint, generatorModel, moderatorEndpoints, moderatorModels, categories, seeds, rewrites, votes, concurrency, apiKeyEnv, output, resume, noProgress,
        };
        command.AddCheck(result =>
        {
            var endpoints = result.GetValue(moderatorEndpoints) ?? [];
            var models = result.GetValue(moderatorModels) ?? [];
            if (models.Length != 1 && models.Length != endpoints.Length)
            {
                return $"give one --moderator-model per --moderator-endpoint ({endpoints.Length}), or a single one for all, but got {models.Length}.";
            }
            else if (models.Length > 0 && endpoints.Select((e, i) => (e, models.Length == 1 ? models[0] : models[i])).Distinct().Count() < endpoints.Length)
            {
                return "every moderator must be a different model or endpoint: the same --moderator-model is given twice for one --moderator-endpoint.";
            }

            if (result.GetValue(votes) is { } k && k > endpoints.Length)
            {
                return $"--min-votes {k} exceeds the {endpoints.Length} moderators.";
            }

            return null;
        });
        command.SetToolAction(console, async (parseResult, cancellationToken) =>
        {
            var endpoints = parseResult.GetRequiredValue(moderatorEndpoints);
            var models = parseResult.GetRequiredValue(moderatorModels);
            var settings = new GenerateSettings
            {
                GeneratorEndpoint = new Uri(parseResult.GetRequiredValue(generatorEndpoint)!),
                GeneratorModel = parseResult.GetRequiredValue(generatorModel),
                Moderators = [.. endpoints.Select((e, i) => (new Uri(e), models.Length == 1 ? models[0] : models[i]))],
                Categories = SharedOptions.Categories(parseResult, categories),
                SeedsPerCategory = parseResult.GetValue(seeds),
                RewritesPerSeed = parseResult.GetValue(rewrites),
                MinVotes = parseResult.GetValue(votes),
                Concurrency = parseResult.GetValue(concurrency),
                ApiKeyEnv = parseResult.GetRequiredValue(apiKeyEnv),
                ApiKeyEnvExplicit = parseResult.GetResult(apiKeyEnv) is { Implicit: false },
                OutputDirectory = console.FullPath(parseResult.GetRequiredValue(output)!),
                Resume = parseResult.GetValue(resume),
            };
            if (File.Exists(settings.OutputDirectory))
            {
                throw new UsageException($"--output '{parseResult.GetRequiredValue(output)}' is a file; give a directory to write into");
            }

            return await new GenerateWorkflow(console with { ShowProgress = !parseResult.GetValue(noProgress) }, settings).ExecuteAsync(cancellationToken);
        });
        return command;
    }
}

/// <summary>The bound options of <c>orbench generate</c>.</summary>
internal sealed record GenerateSettings
{
    public required Uri GeneratorEndpoint { get; init; }

    public required string GeneratorModel { get; init; }

    public required IReadOnlyList<(Uri Endpoint, string Model)> Moderators { get; init; }

    public required IReadOnlyList<string> Categories { get; init; }

    public int SeedsPerCategory { get; init; }

    public int RewritesPerSeed { get; init; }

    public int? MinVotes { get; init; }

    public int Concurrency { get; init; }

    public required string ApiKeyEnv { get; init; }

    public bool ApiKeyEnvExplicit { get; init; }

    public required string OutputDirectory { get; init; }

    public bool Resume { get; init; }
}
