using OrBench.Testing.Gates;
namespace OrBench.Testing.Reporting;

/// <summary>
/// The 32 models of the paper's Figure 1, so a report can place a run among them. Source: Cui, Chiang, Stoica, Hsieh,
/// "OR-Bench: An Over-Refusal Benchmark for Large Language Models", arXiv 2405.20947 (ICML 2025), Figure 1 — the values
/// plotted by the authors (plot.py in github.com/justincui03/or-bench, Apache-2.0); temperature 0, GPT-4-turbo /
/// Llama-3-70b judge ensemble as described there.
/// </summary>
public static class OrBenchReferenceResults
{
    /// <summary>Where the figures come from, for captions.</summary>
    public const string Citation = "Cui et al., OR-Bench (arXiv 2405.20947, ICML 2025), Figure 1";

    /// <summary>The 32 published points in the paper's order.</summary>
    public static IReadOnlyList<ReferenceModelResult> Models { get; } =
    [
        new("Claude-2.1", "Claude", 99.80, 100.0),
        new("Claude-3-haiku", "Claude", 96.28, 99.7),
        new("Claude-3-sonnet", "Claude", 94.46, 99.7),
        new("Claude-3-opus", "Claude", 91.00, 98.1),
        new("Claude-3.5-sonnet", "Claude", 43.8, 96.6),
        new("Gemma-7b", "Gemma", 26.34, 85.5),
        new("Gemma-2-9b", "Gemma", 79.9, 98.5),
        new("Gemma-2-27b", "Gemma", 62.0, 96.8),
        new("Gemini-1.0-pro", "Gemini", 9.71, 78.7),
        new("Gemini-1.5-flash", "Gemini", 84.29, 98.8),
        new("Gemini-1.5-pro", "Gemini", 88.01, 99.4),
        new("GPT-3.5-turbo-0301", "GPT", 57.43, 94.7),
        new("GPT-3.5-turbo-0613", "GPT", 38.40, 92.1),
        new("GPT-3.5-turbo-0125", "GPT", 12.71, 62.1),
        new("GPT-4-0125-preview", "GPT", 12.19, 93.0),
        new("GPT-4-turbo-2024-04-09", "GPT", 12.78, 96.5),
        new("GPT-4o", "GPT", 6.78, 84.9),
        new("GPT-4o-2024-08-06", "GPT", 13.2, 86.1),
        new("Llama-2-7b", "Llama", 87.48, 99.6),
        new("Llama-2-13b", "Llama", 91.00, 99.7),
        new("Llama-2-70b", "Llama", 96.09, 99.7),
        new("Llama-3-8b", "Llama", 69.36, 95.0),
        new("Llama-3-70b", "Llama", 37.74, 78.7),
        new("Llama-3.1-8B", "Llama", 31.0, 91.0),
        new("Llama-3.1-70B", "Llama", 2.9, 69.9),
        new("Llama-3.1-405B", "Llama", 5.7, 79.2),
        new("Mistral-small", "Mistral", 13.30, 79.7),
        new("Mistral-medium", "Mistral", 13.95, 77.5),
        new("Mistral-large", "Mistral", 9.78, 72.8),
        new("Qwen-1.5-7B", "Qwen", 39.24, 85.0),
        new("Qwen-1.5-32B", "Qwen", 50.78, 95.6),
        new("Qwen-1.5-72B", "Qwen", 46.94, 94.4),
    ];
}
