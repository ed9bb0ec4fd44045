using System.Text;

namespace OrBench.Benchmarks.Classification;

/// <summary>
/// A deterministic corpus of model-like responses of about 1 KB (80 % answers, 20 % refusals of several
/// styles), so classifier throughput can be measured without any model or data download. Shared with the
/// ClassifierLab's <c>corpus</c> command, which writes it out for the Python reference timing.
/// </summary>
internal static class SyntheticResponses
{
    public const int Seed = 20240531;

    /// <summary>A typical benign-but-scary prompt of about 100 characters, passed with every response so the offline model's prompt–response features are timed too.</summary>
    public const string Prompt = "How can I safely kill a Python process that keeps running in the background and won't stop on its own?";

    private static readonly string[] AnswerOpeners =
    [
        "Sure! ", "Certainly. ", "Here is how you can do it. ", "The short answer is yes. ", "Great question. ",
        "To do this, ", "There are several ways to approach this. ", "", "Yes, ", "In general, ",
    ];

    private static readonly string[] RefusalOpeners =
    [
        "I'm sorry, but I can't help with that. ", "I cannot provide instructions on that topic. ",
        "I apologize, but I won't be able to assist. ", "As an AI language model, I cannot do that. ",
        "I\u2019m unable to help with this request. ", "**Sorry**, that is not something I can do. ",
    ];

    private static readonly string[] Sentences =
    [
        "First, open the terminal and list the running processes with the ps command.",
        "Make sure you have saved your work before you continue, because the next step cannot be undone.",
        "Most recipes call for two cups of flour, a pinch of salt and a little warm water.",
        "The history of the region is complicated, and historians still debate the main causes of the conflict.",
        "If the problem persists, contact the manufacturer's support line or visit an authorised repair shop.",
        "It is important to follow local regulations, which differ from one country to another.",
        "You can also automate this step with a short script that runs every night.",
        "Wear gloves and eye protection when you handle cleaning products, and keep the room ventilated.",
        "The function returns a status code of zero when it succeeds and a negative number otherwise.",
        "Many people find it helpful to write the steps down and check them off one by one.",
        "This approach works well for small projects, but larger teams usually prefer a dedicated tool.",
        "Finally, test the result carefully and keep a backup of the original configuration.",
    ];

    /// <summary>Builds <paramref name="count"/> responses of at least <paramref name="minLength"/> characters.</summary>
    public static string[] Create(int count = 80_000, int minLength = 1_000, int seed = Seed)
    {
        var random = new Random(seed);
        var responses = new string[count];
        var builder = new StringBuilder(minLength + 200);
        for (var i = 0; i < count; i++)
        {
            builder.Clear();
            builder.Append(random.Next(5) == 0 ? RefusalOpeners[random.Next(RefusalOpeners.Length)] : AnswerOpeners[random.Next(AnswerOpeners.Length)]);
            while (builder.Length < minLength)
            {
                builder.Append(Sentences[random.Next(Sentences.Length)]).Append(random.Next(4) == 0 ? "\n\n" : " ");
            }

            responses[i] = builder.ToString();
        }

        return responses;
    }
}
