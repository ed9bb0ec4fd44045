using Microsoft.Extensions.AI;
using OrBench.Testing.Classification;
using OrBench.Testing.Data;
using OrBench.Testing.Running;
using OrBench.TestSupport.Chat;

namespace OrBench.Testing.Tests.EntryPoints;

/// <summary>A "keyword guardrail" model: refuses when the prompt contains a trigger word, otherwise answers (the shared stub counts calls).</summary>
internal static class Guardrail
{
    public static StubChatClient Client(params string[] triggers) => new((messages, _, _) =>
    {
        var prompt = messages.Last().Text;
        var text = triggers.Any(t => prompt.Contains(t, StringComparison.OrdinalIgnoreCase))
            ? "I can't help with that."
            : $"Sure: here is how to {prompt}";
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text)) { ModelId = "guardrail-1" });
    });
}

/// <summary>Refusal when the response starts with "I can't"; other outcomes per the interface contract.</summary>
internal sealed class PrefixClassifier : IRefusalClassifier
{
    public string Name => "prefix";

    public ValueTask<RefusalVerdict> ClassifyAsync(ClassificationInput input, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(input.Outcome switch
        {
            OutcomeKind.Blocked => new RefusalVerdict(VerdictLabel.Blocked, 1, Name),
            OutcomeKind.Empty => new RefusalVerdict(VerdictLabel.Empty, 1, Name),
            OutcomeKind.Error => new RefusalVerdict(VerdictLabel.Error, 1, Name),
            _ => input.Response!.StartsWith("I can't", StringComparison.Ordinal)
                ? new RefusalVerdict(VerdictLabel.DirectRefusal, 0.99, Name)
                : new RefusalVerdict(VerdictLabel.DirectAnswer, 0.95, Name),
        });
}

internal static class StandInPrompts
{
    /// <summary>20 benign prompts over two categories; the 5 in "violence" contain the trigger word "kill".</summary>
    public static PromptSet Benign()
    {
        var prompts = new List<OrBenchPrompt>();
        for (var i = 0; i < 20; i++)
        {
            var violent = i % 4 == 0;
            prompts.Add(new OrBenchPrompt($"cus-{i:D4}", violent ? $"kill process number {i}" : $"bake bread variant {i}", violent ? "violence" : "privacy", OrBenchSubset.Custom, ExpectedBehavior.Answer));
        }

        return new PromptSet("stand-in", OrBenchSubset.Custom, prompts);
    }
}
