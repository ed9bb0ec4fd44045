using System.CommandLine;
using OrBench.Testing.Data;
using OrBench.Testing.Middleware;
using OrBench.Tool.Cli;

namespace OrBench.Tool.Commands;

/// <summary>
/// <c>orbench run</c>: sends a prompt set to an OpenAI-compatible endpoint (or scores an existing responses file),
/// classifies every response and writes records.jsonl, results.json, report.md and report.html.
/// </summary>
internal static class RunCommand
{
    public const string DefaultApiKeyEnv = "ORBENCH_API_KEY";

    public const string ModelVersionEnv = "ORBENCH_MODEL_VERSION";

    public static Command Create(ToolConsole console)
    {
        var endpoint = new Option<string?>("--endpoint")
        {
            HelpName = "URL",
            Description = "Base URL of the OpenAI-compatible server, e.g. http://localhost:8000/v1 (vLLM), http://localhost:11434/v1 (Ollama), https://api.openai.com/v1.",
        }.HttpUrl();
        var model = new Option<string?>("--model") { HelpName = "NAME", Description = "Model name sent with every request and written into results.json." };
        var modelVersion = new Option<string?>("--model-version")
        {
            HelpName = "VERSION",
            Description = "The model's version when its name does not say it (default ORBENCH_MODEL_VERSION). Part of the response cache key: a new version is measured again, never replayed.",
        };
        var apiKeyEnv = new Option<string>("--api-key-env")
        {
            HelpName = "VAR",
            Description = "Name of the environment variable holding the API key. The key itself is never accepted on the command line, printed or written.",
            DefaultValueFactory = _ => DefaultApiKeyEnv,
        };
        var prompts = new Option<string>("--prompts")
        {
            HelpName = "hard-1k|toxic|80k|FILE",
            Description = "hard-1k, toxic, 80k, or a CSV/JSONL file with prompt,category columns.",
            Required = true,
        };
        var expected = new Option<string>("--expected")
        {
            Description = "For a prompt FILE: what a good model should do with its prompts, answer (benign set, default) or refuse (toxic set).",
            DefaultValueFactory = _ => "answer",
        };
        expected.AcceptOnlyFromAmong("answer", "refuse");
        var dataDir = new Option<string?>("--data-dir") { HelpName = "DIR", Description = "Directory holding the OR-Bench CSVs (default: ORBENCH_DATA_DIR, then the download cache)." };
        var sample = new Option<int?>("--sample") { HelpName = "N", Description = "Run a seeded, category-stratified sample of N prompts." }.AtLeast(1);
        var seed = new Option<int>("--seed") { HelpName = "S", Description = "Seed of --sample (default 0); the same seed gives the same prompts on every machine." };
        var shard = new Option<string?>("--shard") { HelpName = "k/n", Description = "Run shard k of n (1-based), e.g. 3/8; default ORBENCH_SHARD. Shards are disjoint and together cover the set." };
        shard.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !ShardSpec.TryParse(value, out _))
            {
                result.AddError($"--shard must look like k/n with 1 <= k <= n, but was '{value}'.");
            }
        });
        var category = new Option<string[]>("--category")
        {
            HelpName = "C",
            Description = "Only prompts of this category; repeat for several (--category violence --category privacy).",
            AllowMultipleArgumentsPerToken = false,
        };
        var concurrency = new Option<int>("--concurrency") { HelpName = "C", Description = "Requests in flight at once.", DefaultValueFactory = _ => 8 }.AtLeast(1);
        var rpm = new Option<int?>("--rpm") { HelpName = "N", Description = "Client-side limit on requests per minute." }.AtLeast(1);
        var tpm = new Option<int?>("--tpm") { HelpName = "N", Description = "Client-side limit on tokens per minute." }.AtLeast(1);
        var timeout = new Option<int>("--timeout") { HelpName = "SECONDS", Description = "Timeout of one request attempt in seconds.", DefaultValueFactory = _ => 120 }.AtLeast(1);
        var retries = new Option<int>("--retries") { HelpName = "N", Description = "Retries of a transient failure (429, 5xx, timeout, reset) before the prompt is recorded as an error.", DefaultValueFactory = _ => 4 }.AtLeast(0);
        var maxRetryAfter = new Option<int?>("--max-retry-after")
        {
            HelpName = "SECONDS",
            Description = "Longest wait honoured when the server asks for one (Retry-After) before a retry; a longer request ends the prompt as an error naming the wait. Default: --timeout.",
        }.AtLeast(0);
        var maxResponseBytes = new Option<long>("--max-response-bytes")
        {
            HelpName = "BYTES",
            Description = "Largest response body read from the endpoint; a larger one ends the prompt as an error naming the size.",
            DefaultValueFactory = _ => ResponseGuardHandler.DefaultMaxResponseBytes,
        };
        maxResponseBytes.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() < 1024)
            {
                result.AddError("--max-response-bytes must be at least 1024.");
            }
        });
        var repeats = new Option<int>("--repeats") { HelpName = "N", Description = "Send every prompt N times (only for sampling-based models).", DefaultValueFactory = _ => 1 }.AtLeast(1);
        var systemPrompt = new Option<string?>("--system-prompt") { HelpName = "TEXT", Description = "A system message sent before every prompt. The paper uses none; the report says when one was used." };
        var cache = new Option<string?>("--cache") { HelpName = "DIR|redis://host:port", Description = "Response cache: a directory (one file per response) or redis://host:port. A second run over the same cache makes no model call." };
        var replayOnly = new Option<bool>("--replay-only") { Description = "Never call the model: every response must come from --cache; a miss fails the run naming the prompt." };
        var responses = new Option<string?>("--responses") { HelpName = "FILE", Description = "Score an existing responses file (CSV prompt,response[,category] or JSONL) instead of calling a model; --endpoint is then not needed." };
        var baseline = new Option<string?>("--baseline") { HelpName = "BASELINE.json", Description = "A results.json of an earlier run: the report lists verdict flips against it." };
        var maxOverRefusal = new Option<double?>("--max-over-refusal") { HelpName = "RATE", Description = "Gate: exit 3 when the over-refusal rate breaches this rate (0.10 = 10 %) under --gate-policy, 4 when too many errors leave it undecided." }.Rate();
        var maxToxic = new Option<double?>("--max-toxic-acceptance") { HelpName = "RATE", Description = "Gate: exit 3 when the toxic acceptance rate breaches this rate under --gate-policy, 4 when too many errors leave it undecided." }.Rate();
        var errorBudget = new Option<double?>("--error-budget") { HelpName = "RATE", Description = "Gates: the share of prompts in scope that may end in request or classification errors before a gate is undecided (exit 4). Default 0.02." }.Rate();
        var gatePolicy = new Option<string>("--gate-policy")
        {
            Description = "default: each metric's own (over-refusal: interval, toxic acceptance: strict); interval: fail when the whole 95 % Wilson interval lies above the threshold; strict: when its upper bound does; point: when the point estimate does.",
            DefaultValueFactory = _ => "default",
        };
        gatePolicy.AcceptOnlyFromAmong("default", "interval", "strict", "point");
        var output = new Option<string>("--out") { HelpName = "DIR", Description = "Directory for records.jsonl, results.json, report.md and report.html.", DefaultValueFactory = _ => "orbench-results" };
        var judge = new JudgeOptions();

        var command = new Command("run", "Send a prompt set to an OpenAI-compatible endpoint, classify the responses, and write records, results and reports.")
        {
            endpoint, model, modelVersion, apiKeyEnv, prompts, expected, dataDir, sample, seed, shard, category, concurrency, rpm, tpm, timeout, retries,
            maxRetryAfter, maxResponseBytes, repeats, systemPrompt, cache, replayOnly, responses, baseline, maxOverRefusal, maxToxic, gatePolicy, errorBudget, output,
        };
        judge.AddTo(command);
        command.AddCheck(result =>
        {
            var scoring = result.GetValue(responses) is not null;
            if (!scoring && result.GetValue(endpoint) is null)
            {
                return "--endpoint is required (or --responses FILE to score existing responses).";
            }
            else if (!scoring && result.GetValue(model) is null)
            {
                return "--model is required (or --responses FILE to score existing responses).";
            }
            else if (scoring && (result.GetValue(endpoint) is not null || result.GetValue(cache) is not null))
            {
                return "--responses scores existing responses and cannot be combined with --endpoint or --cache.";
            }
            else if (result.GetValue(replayOnly) && result.GetValue(cache) is null)
            {
                return "--replay-only needs --cache DIR|redis://host:port to replay from.";
            }

            return null;
        });

        command.SetToolAction(console, (parseResult, cancellationToken) =>
        {
            var settings = new RunSettings
            {
                Endpoint = parseResult.GetValue(endpoint) is { } url ? new Uri(url) : null,
                Model = parseResult.GetValue(model),
                ModelVersion = parseResult.GetValue(modelVersion) is { Length: > 0 } version ? version : console.GetEnvironmentVariable(ModelVersionEnv) is { Length: > 0 } fromEnv ? fromEnv : null,
                ApiKeyEnv = parseResult.GetRequiredValue(apiKeyEnv),
                ApiKeyEnvExplicit = parseResult.GetResult(apiKeyEnv) is { Implicit: false },
                Prompts = parseResult.GetRequiredValue(prompts),
                Expected = parseResult.GetRequiredValue(expected),
                DataDirectory = parseResult.GetValue(dataDir),
                Sample = parseResult.GetValue(sample),
                Seed = parseResult.GetValue(seed),
                Shard = parseResult.GetValue(shard) ?? ShardFromEnvironment(console),
                Categories = parseResult.GetValue(category) ?? [],
                Concurrency = parseResult.GetValue(concurrency),
                RequestsPerMinute = parseResult.GetValue(rpm),
                TokensPerMinute = parseResult.GetValue(tpm),
                TimeoutSeconds = parseResult.GetValue(timeout),
                Retries = parseResult.GetValue(retries),
                MaxRetryAfterSeconds = parseResult.GetValue(maxRetryAfter),
                MaxResponseBytes = parseResult.GetValue(maxResponseBytes),
                Repeats = parseResult.GetValue(repeats),
                SystemPrompt = parseResult.GetValue(systemPrompt),
                Cache = parseResult.GetValue(cache),
                ReplayOnly = parseResult.GetValue(replayOnly),
                Responses = parseResult.GetValue(responses),
                Baseline = parseResult.GetValue(baseline),
                MaxOverRefusal = parseResult.GetValue(maxOverRefusal),
                MaxToxicAcceptance = parseResult.GetValue(maxToxic),
                GatePolicy = parseResult.GetRequiredValue(gatePolicy),
                ErrorBudget = parseResult.GetValue(errorBudget),
                Classifier = judge.Bind(parseResult),
                OutputDirectory = console.FullPath(parseResult.GetRequiredValue(output)),
            };
            return new RunWorkflow(console, settings).ExecuteAsync(cancellationToken);
        });
        return command;
    }

    private static string? ShardFromEnvironment(ToolConsole console)
    {
        try
        {
            return ShardSpec.FromEnvironment(console.GetEnvironmentVariable)?.ToString();
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
