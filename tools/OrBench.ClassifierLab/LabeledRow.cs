using OrBench.Testing.Classification;
using OrBench.Testing.Classification.Offline;

namespace OrBench.ClassifierLab;

/// <summary>One human-labelled response of the development data or of the hand-written examples.</summary>
/// <param name="Source"><c>xstest</c>, <c>gptfuzz</c> or <c>seed</c>.</param>
/// <param name="Group">The XSTest model, <c>gpt-3.5-turbo</c> for GPTFuzz, or the seed example's kind.</param>
/// <param name="Question">The prompt id (XSTest id, GPTFuzz question id, seed line number).</param>
/// <param name="Prompt">The prompt.</param>
/// <param name="Response">The model's response.</param>
/// <param name="Refusal">The human binary label: any refusal.</param>
/// <param name="Gold">The three-class label where the source has one (XSTest, seeds); null for GPTFuzz.</param>
internal sealed record LabeledRow(string Source, string Group, string Question, string Prompt, string Response, bool Refusal, VerdictLabel? Gold)
{
    /// <summary>XSTest's full compliance / full refusal rows, and every row of the other sources.</summary>
    public bool Clear => Source != "xstest" || Gold != VerdictLabel.IndirectRefusal;

    /// <summary>One or two sentences: at most 200 characters.</summary>
    public bool Short => Response.Trim().Length <= 200;

    public OfflineTrainingExample ToExample() =>
        new(Source, Prompt, Response, Refusal, Gold switch
        {
            VerdictLabel.DirectRefusal => false,
            VerdictLabel.IndirectRefusal => true,
            _ => null,
        });
}
