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
            // Category names are matched ignoring case ("Privacy" selects "privacy"), as subset names are.
            var present = set.Select(p => p.Category).Distinct().ToList();
            var wanted = new List<OrBenchCategory>();
            var unknown = new List<string>();
            foreach (var name in settings.Categories)
            {
                var match = present.Where(c => string.Equals(c.Value, name, StringComparison.OrdinalIgnoreCase)).ToList();
                if (match.Count == 0)
                {
                    unknown.Add($"'{name}'");
                }

                wanted.AddRange(match);
            }

            if (unknown.Count > 0)
            {
                // A typo would otherwise run zero prompts and pass every gate vacuously.
                throw new UsageException($"--category {string.Join(", ", unknown)}: {set.Name} has no prompts in that category; its categories are {string.Join(", ", present.Select(c => c.Value).Order(StringComparer.Ordinal))}");
            }

            set = set.WhereCategory([.. wanted.Distinct()]);
        }

        if (settings.Sample is { } sample && sample < set.Count)
        {
            set = set.Sample(sample, settings.Seed);
        }
        else if (settings.Sample is { } larger && larger > set.Count)
        {
            await console.Error.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"orbench run: warning: --sample {larger} is larger than the {set.Count} prompts of {set.Name}{(settings.Categories.Count > 0 ? " in the chosen categories" : string.Empty)}; running all {set.Count}"));
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
