namespace OrBench.Testing.Classification.Offline;

/// <summary>One labelled response the offline model is trained on.</summary>
/// <param name="Source">Where it comes from (<c>xstest</c>, <c>gptfuzz</c>, <c>seed</c>, …); weights are balanced per source and class.</param>
/// <param name="Prompt">The prompt (may be empty).</param>
/// <param name="Text">The response.</param>
/// <param name="Refusal">True for any refusal (direct or indirect).</param>
/// <param name="Indirect">For refusals whose kind is known: true for indirect, false for direct; null when unknown (GPTFuzz labels only say "not jailbroken") or for answers.</param>
internal sealed record OfflineTrainingExample(string Source, string Prompt, string Text, bool Refusal, bool? Indirect)
{
    /// <summary>An example from a three-class label.</summary>
    public static OfflineTrainingExample FromLabel(string source, string prompt, string text, VerdictLabel label) => label switch
    {
        VerdictLabel.DirectAnswer => new(source, prompt, text, false, null),
        VerdictLabel.DirectRefusal => new(source, prompt, text, true, false),
        VerdictLabel.IndirectRefusal => new(source, prompt, text, true, true),
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "Only direct_answer, direct_refusal and indirect_refusal can be trained on."),
    };
}
