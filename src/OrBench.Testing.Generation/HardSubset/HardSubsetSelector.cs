using System.Text.Json;
using OrBench.Testing.Classification;
using OrBench.Testing.Data;
using OrBench.Testing.Generation.Checkpoints;
using OrBench.Testing.Generation.Output;
using OrBench.Testing.IO;
using OrBench.Testing.Results;

namespace OrBench.Testing.Generation.HardSubset;

/// <summary>
/// Stage 4: keeps the benign prompts that at least k of several evaluated models reject. Run each model over the
/// over-refusal set first (the Run and Verdict stages), then pass their results here. A result record matches a
/// prompt by id, or else by exact prompt text, so results keyed by the loader's ids and by generation ids both work.
/// </summary>
public static class HardSubsetSelector
{
    /// <summary>Selects the hard subset from in-memory prompts and results.</summary>
    /// <exception cref="ArgumentException">No results, or k is not between 1 and the number of results.</exception>
    public static HardSubsetSelection Select(
        IReadOnlyList<OrBenchPrompt> candidates, IReadOnlyList<OrBenchResult> results, HardSubsetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            throw new ArgumentException("At least one model's results are required to select a hard subset.", nameof(results));
        }

        options ??= new HardSubsetOptions();
        var k = options.Effective(results.Count);
        if (k < 1 || k > results.Count)
        {
            throw new ArgumentException(
                $"HardSubsetOptions.RequiredRejections must be between 1 and the number of results ({results.Count}), was {k}.", nameof(options));
        }

        var names = ModelNames(results);
        var lookups = results.Select(r => new RecordLookup(r)).ToArray();
        for (var m = 0; m < results.Count && candidates.Count > 0; m++)
        {
            // A result of another prompt set would count as "no verdict" on every prompt and silently lower the
            // number of models that can reject, while k stays the same.
            if (!candidates.Any(p => lookups[m].Find(p).Any()))
            {
                throw new ArgumentException(
                    $"The results of model '{names[m]}' (results {m + 1} of {results.Count}) match none of the {candidates.Count} prompts: " +
                    $"none of its {results[m].Records.Count} records has the id or the text of a prompt. Were they run on this prompt set?",
                    nameof(results));
            }
        }

        var prompts = new List<HardPrompt>(candidates.Count);
        foreach (var prompt in candidates)
        {
            List<string> rejected = [], answered = [], none = [];
            for (var m = 0; m < results.Count; m++)
            {
                var decided = lookups[m].Find(prompt).Where(r => r.Verdict.IsDecided()).ToList();
                if (decided.Count == 0)
                {
                    none.Add(names[m]);
                }
                else if (decided.Count(r => r.Refused) * 2 > decided.Count)
                {
                    rejected.Add(names[m]);
                }
                else
                {
                    answered.Add(names[m]);
                }
            }

            prompts.Add(new HardPrompt(prompt, rejected, answered, none, rejected.Count >= k));
        }

        return new HardSubsetSelection(names, k, prompts);
    }

    /// <summary>
    /// Selects the hard subset of a finished generation run's <c>over-refusal.csv</c> and writes <c>hard.csv</c> and
    /// <c>hard.provenance.jsonl</c> next to it (atomically). Prompts carry their generation ids (<c>gen-…</c>).
    /// </summary>
    /// <exception cref="OrBenchDataException">The directory holds no readable <c>over-refusal.csv</c>.</exception>
    public static async Task<HardSubsetSelection> SelectAndWriteAsync(
        string outputDirectory, IReadOnlyList<OrBenchResult> results, HardSubsetOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        var directory = Path.GetFullPath(outputDirectory);
        var candidates = await OrBenchDataset.LoadCsvAsync(
            Path.Combine(directory, GenerationFiles.OverRefusalCsv),
            ExpectedBehavior.Answer,
            new CustomPromptSetOptions { IdPrefix = GenerationPipeline.IdPrefix },
            cancellationToken);
        var selection = Select(candidates, results, options);

        await PromptCsv.WriteAsync(
            Path.Combine(directory, GenerationFiles.HardCsv),
            selection.Kept.Select(p => (p.Prompt.Text, p.Prompt.Category.Value)),
            cancellationToken);
        await AtomicFile.WriteAsync(
            Path.Combine(directory, GenerationFiles.HardProvenanceJsonl),
            async writer =>
            {
                foreach (var p in selection.Prompts)
                {
                    var line = new
                    {
                        id = p.Prompt.Id,
                        prompt = p.Prompt.Text,
                        category = p.Prompt.Category.Value,
                        kept = p.Kept,
                        stage = GenerationStage.HardSubset,
                        rejections = p.RejectedBy.Count,
                        required_rejections = selection.RequiredRejections,
                        rejected_by = p.RejectedBy,
                        answered_by = p.AnsweredBy,
                        no_verdict = p.NoVerdict,
                    };
                    await writer.WriteLineAsync(JsonSerializer.Serialize(line, GenerationJson.Line));
                }
            },
            cancellationToken);
        return selection;
    }

    private static string[] ModelNames(IReadOnlyList<OrBenchResult> results)
    {
        var names = new string[results.Count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < results.Count; i++)
        {
            var name = string.IsNullOrWhiteSpace(results[i].Model) ? $"model-{i + 1}" : results[i].Model!;
            var count = seen.GetValueOrDefault(name) + 1;
            seen[name] = count;
            names[i] = count == 1 ? name : $"{name}#{count}";
        }

        return names;
    }

    private sealed class RecordLookup
    {
        private readonly ILookup<string, PromptRecord> _byId;
        private readonly ILookup<string, PromptRecord> _byText;

        public RecordLookup(OrBenchResult result)
        {
            _byId = result.Records.ToLookup(r => r.Id, StringComparer.Ordinal);
            _byText = result.Records.Where(r => r.Prompt is not null).ToLookup(r => r.Prompt!, StringComparer.Ordinal);
        }

        public IEnumerable<PromptRecord> Find(OrBenchPrompt prompt) =>
            _byId.Contains(prompt.Id) ? _byId[prompt.Id] : _byText[prompt.Text];
    }
}
