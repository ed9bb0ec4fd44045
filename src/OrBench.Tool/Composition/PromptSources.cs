using OrBench.Testing.Data;
using OrBench.Tool.Cli;
using OrBench.Tool.Commands;

namespace OrBench.Tool.Composition;

/// <summary>
/// Resolves <c>--prompts</c> into a prompt set through the Data stage, then narrows it in a fixed order —
/// categories, then sample, then shard — so every shard of a sampled run agrees on the sample.
/// </summary>
internal static class PromptSources
{
    public static async Task<PromptSet> LoadAsync(RunSettings settings, ToolConsole console, CancellationToken cancellationToken)
    {
        var set = await LoadSetAsync(settings, console, cancellationToken);
        if (settings.Categories.Count > 0)
        {
            set = set.WhereCategory([.. settings.Categories.Select(c => new OrBenchCategory(c))]);
        }

        if (settings.Sample is { } sample && sample < set.Count)
        {
            set = set.Sample(sample, settings.Seed);
        }

        if (settings.Shard is { } shard)
        {
            set = set.Shard(ShardSpec.Parse(shard));
        }

        return set;
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
            var dataDirectory = settings.DataDirectory ?? console.GetEnvironmentVariable("ORBENCH_DATA_DIR");
            var options = new OrBenchDataOptions { DataDirectory = dataDirectory is null ? null : console.FullPath(dataDirectory) };
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
