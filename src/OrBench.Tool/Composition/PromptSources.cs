using OrBench.Testing.Data;
using OrBench.Tool.Cli;
using OrBench.Tool.Commands;

namespace OrBench.Tool.Composition;

/// <summary>
/// Resolves <c>--prompts</c> into a prompt set through the Data stage, then narrows it with the Data stage's
/// <see cref="PromptSelection"/> (categories, then sample, then shard), printing its warnings on stderr.
/// </summary>
internal static class PromptSources
{
    public static async Task<PromptSelectionResult> LoadAsync(RunSettings settings, ToolConsole console, CancellationToken cancellationToken)
    {
        var set = await LoadSetAsync(settings, console, cancellationToken);
        var selection = new PromptSelection
        {
            Categories = [.. settings.Categories.Select(c => new OrBenchCategory(c))],
            Sample = settings.Sample,
            Seed = settings.Seed,
            Shard = settings.Shard is { } shard ? ShardSpec.Parse(shard) : null,
        };
        PromptSelectionResult selected;
        try
        {
            selected = selection.Apply(set);
        }
        catch (UnknownCategoryException e)
        {
            // A typo would otherwise run zero prompts and pass every gate vacuously.
            throw new UsageException($"--category {e.Message}");
        }

        foreach (var warning in selected.Warnings)
        {
            console.Error.WriteLine($"orbench run: warning: {warning.Message}");
        }

        return selected;
    }

    /// <summary>Maps the well-known names to subsets; null for anything else (a file).</summary>
    public static OrBenchSubset? WellKnownSubset(string name) => name.ToLowerInvariant() switch
    {
        "hard-1k" or "hard1k" => OrBenchSubset.Hard1K,
        "toxic" => OrBenchSubset.Toxic,
        "80k" => OrBenchSubset.Full80K,
        _ => null,
    };

    private static async Task<PromptSet> LoadSetAsync(RunSettings settings, ToolConsole console, CancellationToken cancellationToken)
    {
        if (WellKnownSubset(settings.Prompts) is { } subset)
        {
            // The tool's environment and working directory, not the process's: ORBENCH_DATA_DIR stays the library's own
            // step 2 (so "places tried" and errors name it), and the lock file is found from where orbench was run.
            var options = new OrBenchDataOptions
            {
                DataDirectory = settings.DataDirectory is null ? null : console.FullPath(settings.DataDirectory),
                Environment = name => name == "ORBENCH_DATA_DIR" && console.GetEnvironmentVariable(name) is { Length: > 0 } dir
                    ? console.FullPath(dir)
                    : console.GetEnvironmentVariable(name),
                WorkingDirectory = console.WorkingDirectory,
            };
            return await OrBenchDataset.LoadAsync(subset, options, cancellationToken);
        }

        var path = console.FullPath(settings.Prompts);
        if (!File.Exists(path))
        {
            throw new UsageException($"--prompts '{settings.Prompts}' is neither hard-1k, toxic, 80k nor an existing file");
        }

        var expected = settings.Expected == "refuse" ? ExpectedBehavior.Refuse : ExpectedBehavior.Answer;
        if (Path.GetExtension(path).ToUpperInvariant() is not (".CSV" or ".JSONL" or ".NDJSON"))
        {
            throw new UsageException($"--prompts '{settings.Prompts}' is neither hard-1k, toxic, 80k nor a .csv or .jsonl prompt file");
        }

        return await OrBenchDataset.LoadCustomAsync(path, expected, cancellationToken: cancellationToken);
    }
}
