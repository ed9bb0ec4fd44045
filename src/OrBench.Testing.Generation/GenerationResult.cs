namespace OrBench.Testing.Generation;

/// <summary>What a finished run wrote and what it cost.</summary>
/// <param name="OutputDirectory">The output directory (full path).</param>
/// <param name="OverRefusalCsv">Path of the benign set.</param>
/// <param name="ToxicCsv">Path of the toxic set.</param>
/// <param name="ProvenanceJsonl">Path of the provenance lines.</param>
/// <param name="Summary">Counts, calls and tokens.</param>
public sealed record GenerationResult(
    string OutputDirectory,
    string OverRefusalCsv,
    string ToxicCsv,
    string ProvenanceJsonl,
    GenerationSummary Summary);
