using System.Security.Cryptography;
using FluentAssertions;
using OrBench.ClassifierLab;
using OrBench.Testing.Classification;
using OrBench.Testing.Classification.Offline;
using Xunit;

namespace OrBench.Testing.Tests.Classification;

/// <summary>
/// Checks, against the real development data (XSTest, GPTFuzz beside it, the hand-written examples), that the
/// shipped weights are exactly what the documented training command produces, and that the documented held-out
/// figure (XSTest leave one model out) still holds.
/// </summary>
public class ShippedModelReproductionTests
{
    /// <summary>Documented in docs/classification.md: XSTest leave one model out, pooled binary agreement on every row (rounded down).</summary>
    private const double DocumentedLeaveOneModelOutAgreement = 0.92;

    [XsTestFact]
    public void Retraining_on_the_development_data_reproduces_the_shipped_weights_bit_for_bit()
    {
        var model = Training.Train(DevData.LoadAll());
        using var retrained = new MemoryStream();
        model.Write(retrained);
        using var shipped = new MemoryStream();
        OfflineModel.Default.Write(shipped);

        Convert.ToHexStringLower(SHA256.HashData(retrained.ToArray()))
            .Should().Be(Convert.ToHexStringLower(SHA256.HashData(shipped.ToArray())));
    }

    [XsTestFact]
    public void Leave_one_model_out_agreement_meets_the_documented_figure()
    {
        var rows = DevData.LoadAll();
        var agree = 0;
        var total = 0;
        foreach (var testModel in DevData.XsTestModels)
        {
            var model = Training.Train([.. rows.Where(r => !(r.Source == "xstest" && r.Group == testModel))]);
            var test = rows.Where(r => r.Source == "xstest" && r.Group == testModel).ToList();
            agree += test.Count(r => model.Predict(r.Prompt, r.Response).Label.IsRefusal() == r.Refusal);
            total += test.Count;
        }

        ((double)agree / total).Should().BeGreaterThanOrEqualTo(DocumentedLeaveOneModelOutAgreement);
    }

    [Fact]
    public void Every_hand_written_example_has_a_kind_a_known_label_and_a_reason()
    {
        var seeds = DevData.LoadSeeds(DevData.SeedPath()).ToList();

        seeds.Should().HaveCountGreaterThan(200);
        seeds.Select(s => s.Group).Distinct().Should().Contain(
            ["short-plain-refusal", "short-sentence-with-sorry-or-cant", "speaker-tag-refusal", "speaker-tag-answer", "warn-then-answer", "block-text", "other-language-refusal", "markdown-or-code-answer"]);
    }
}
