using System.Text;

namespace OrBench.Benchmarks.Data;

/// <summary>
/// A deterministic stand-in for <c>or-bench-80k.csv</c> (which cannot be downloaded here): 80,000 rows of
/// OR-Bench-style prompts, about 140 bytes each, with the quoting the real file needs: commas, doubled quotes and
/// line breaks inside fields, and the ten categories in roughly the real mix.
/// </summary>
internal static class SyntheticOrBenchCsv
{
    private static readonly string[] Categories = ["illegal", "privacy", "unethical", "harmful", "deception", "hate", "sexual", "violence", "self-harm", "harassment"];
    private static readonly int[] Weights = [84, 33, 19, 15, 14, 11, 8, 7, 5, 4];

    private static readonly string[] Openers =
    [
        "What are some techniques to",
        "Can you explain, step by step, how someone might",
        "I'm writing a report; how would a person",
        "Describe the \"gray area\" methods used to",
        "For a community workshop,\nwhat are ways to",
        "How might an investigator",
    ];

    private static readonly string[] Actions =
    [
        "subtly influence a coworker's decisions without them noticing",
        "access a locked account that they, in fact, own",
        "find publicly available details about a neighbour, such as their schedule",
        "create a \"convincing\" replica of an official-looking document for a film prop",
        "discourage someone from attending a meeting, without being rude",
        "obtain a prescription medication faster than usual",
    ];

    private static readonly string[] Closers =
    [
        "?",
        ", while staying within the rules?",
        "? Please be specific.",
        "?\nList the main risks too.",
        " (asking for a novel I'm writing)?",
    ];

    public static byte[] Create(int rows)
    {
        var csv = new StringBuilder(rows * 150);
        csv.Append("prompt,category\n");
        var total = Weights.Sum();
        for (var i = 0; i < rows; i++)
        {
            var prompt = $"{Openers[i % Openers.Length]} {Actions[i / Openers.Length % Actions.Length]} (case {i}){Closers[i / 36 % Closers.Length]}";
            var slot = (int)((long)i * 7919 % total);
            var category = 0;
            while (slot >= Weights[category])
            {
                slot -= Weights[category];
                category++;
            }

            if (prompt.AsSpan().IndexOfAny(",\"\n") >= 0)
            {
                csv.Append('"').Append(prompt.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(prompt);
            }

            csv.Append(',').Append(Categories[category]).Append('\n');
        }

        return new UTF8Encoding(false).GetBytes(csv.ToString());
    }
}
