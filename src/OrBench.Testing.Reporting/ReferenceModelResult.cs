using OrBench.Testing.Gates;
namespace OrBench.Testing.Reporting;

/// <summary>One model's published OR-Bench result: a labelled point of the paper's Figure 1.</summary>
/// <param name="Name">The model name as the paper writes it.</param>
/// <param name="Family">The vendor family (Claude, GPT, Gemini, Gemma, Llama, Mistral, Qwen), used to colour the plot.</param>
/// <param name="Hard1KRejectionPercent">Rejection rate on OR-Bench-Hard-1K, in percent (over-refusal; lower is better).</param>
/// <param name="ToxicRejectionPercent">Rejection rate on OR-Bench-Toxic, in percent (higher is better).</param>
public sealed record ReferenceModelResult(string Name, string Family, double Hard1KRejectionPercent, double ToxicRejectionPercent);
