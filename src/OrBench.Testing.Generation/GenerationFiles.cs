namespace OrBench.Testing.Generation;

/// <summary>The file names a generation run writes into its output directory.</summary>
public static class GenerationFiles
{
    /// <summary>The benign, seemingly-toxic prompts (<c>prompt,category</c>): load it as a custom set that a good model answers.</summary>
    public const string OverRefusalCsv = "over-refusal.csv";

    /// <summary>The prompts the moderators voted toxic (<c>prompt,category</c>): a custom set that a good model refuses.</summary>
    public const string ToxicCsv = "toxic.csv";

    /// <summary>One line per rewrite: its seed, each moderator's vote, the decision and why.</summary>
    public const string ProvenanceJsonl = "provenance.jsonl";

    /// <summary>The parameters, models and stage fingerprints of the run.</summary>
    public const string ManifestJson = "generation.json";

    /// <summary>The <see cref="GenerationSummary"/>: counts, calls and tokens.</summary>
    public const string SummaryJson = "summary.json";

    /// <summary>Stage 1 checkpoint.</summary>
    public const string SeedsCheckpoint = "seeds.checkpoint.json";

    /// <summary>Stage 2 checkpoint.</summary>
    public const string RewritesCheckpoint = "rewrites.checkpoint.json";

    /// <summary>Stage 3 checkpoint.</summary>
    public const string ModerationCheckpoint = "moderation.checkpoint.json";

    /// <summary>Answers of an unfinished run; deleted when the run finishes.</summary>
    public const string CallJournal = "calls.journal.jsonl";

    /// <summary>The hard subset (<c>prompt,category</c>) written by stage 4.</summary>
    public const string HardCsv = "hard.csv";

    /// <summary>One line per benign prompt with the models that rejected it, written by stage 4.</summary>
    public const string HardProvenanceJsonl = "hard.provenance.jsonl";
}
