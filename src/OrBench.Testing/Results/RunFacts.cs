using System.Globalization;
using OrBench.Testing.Data;

namespace OrBench.Testing.Results;

/// <summary>
/// The run facts a result records in <see cref="OrBenchResult.Metadata"/> (and results.json), named once: the library's
/// run, <see cref="ResultBuilder"/>, <see cref="ResultMerge"/> and the <c>orbench</c> tool write and read them through
/// these keys and helpers, so a fact the merge checks is the fact the writers record.
/// </summary>
public static class RunFacts
{
    /// <summary>The classifiers that gave the verdicts, comma-separated and sorted.</summary>
    public const string Classifier = "classifier";

    /// <summary>Trials per prompt.</summary>
    public const string Repeats = "repeats";

    /// <summary>The requested sample size (present only for a sampled run).</summary>
    public const string Sample = "sample";

    /// <summary>The sample's seed (present only for a sampled run).</summary>
    public const string Seed = "seed";

    /// <summary>The set's categories the run was narrowed to, comma-separated in the set's spelling.</summary>
    public const string Categories = "categories";

    /// <summary><c>custom</c> when the run sent a system prompt (the paper's protocol sends none).</summary>
    public const string SystemPrompt = "systemPrompt";

    /// <summary>The prompts of the loaded set before categories, sample and shard: equal for every shard of one run.</summary>
    public const string PromptSetSize = "promptSetSize";

    /// <summary>The prompts this run (or shard) sent after selection: differs between shards.</summary>
    public const string PromptCount = "promptCount";

    /// <summary>This result's shard, <c>k/n</c> (present only for a sharded run).</summary>
    public const string Shard = "shard";

    /// <summary>How many shard results a merged result joins.</summary>
    public const string Shards = "shards";

    /// <summary>The shards a partial merge lacks, e.g. <c>2/8, 5/8</c> (see <see cref="ShardSet"/>).</summary>
    public const string MissingShards = "missingShards";

    /// <summary><c>true</c> when the run was cancelled before every prompt finished.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The responses file a scored run was read from (no server was asked).</summary>
    public const string Responses = "responses";

    /// <summary>
    /// Facts that identify a run configuration: shards whose values differ (or where only one records it) are different
    /// runs, and <see cref="ResultMerge"/> refuses to pool them. (<see cref="PromptCount"/> is per shard, so it is not one.)
    /// </summary>
    public static IReadOnlyList<string> RunIdentity { get; } = [Classifier, Sample, Seed, Repeats, Categories, SystemPrompt, PromptSetSize];

    /// <summary>
    /// The facts of a prompt selection: set size, prompts sent, categories, sample and seed, shard. The library's run and
    /// <c>orbench run</c> record a selection through this one method, so their shards merge.
    /// </summary>
    public static SortedDictionary<string, string> Of(PromptSelectionResult selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var facts = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [PromptSetSize] = Invariant(selection.LoadedCount),
            [PromptCount] = Invariant(selection.Prompts.Count),
        };
        if (selection.Categories.Count > 0)
        {
            // The set's own names, whatever case they were asked in, so shards that spell them differently still merge.
            facts[Categories] = string.Join(",", selection.Categories.Select(c => c.Value));
        }

        if (selection.Selection.Sample is { } sample)
        {
            facts[Sample] = Invariant(sample);
            facts[Seed] = Invariant(selection.Selection.Seed);
        }

        if (selection.Selection.Shard is { Count: > 1 } shard)
        {
            facts[Shard] = shard.ToString();
        }

        return facts;
    }

    /// <summary>The shard <paramref name="result"/> ran, or null for an unsharded run (or an unreadable spec).</summary>
    public static ShardSpec? ShardOf(OrBenchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Metadata.TryGetValue(Shard, out var spec) && ShardSpec.TryParse(spec, out var shard) ? shard : null;
    }

    /// <summary>True when <paramref name="result"/> (or one of the shards merged into it) was cancelled.</summary>
    public static bool IsCancelled(OrBenchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Metadata.TryGetValue(Cancelled, out var cancelled) && cancelled == "true";
    }

    /// <summary>How many shard results were merged into <paramref name="result"/>; 1 for a result that is not a merge.</summary>
    public static int ShardCount(OrBenchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Metadata.TryGetValue(Shards, out var count) && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
