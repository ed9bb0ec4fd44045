using System.Security.Cryptography;
using FluentAssertions;
using nietras.SeparatedValues;
using OrBench.Testing.Classification;
using OrBench.Testing.Classification.Offline;
using Xunit;

namespace OrBench.Testing.Tests.Classification;

/// <summary>
/// Checks, against the real XSTest data, that the shipped weights are exactly what the documented training
/// command produces and that the documented held-out (cross-model) agreement still holds.
/// </summary>
public class ShippedModelReproductionTests
{
    /// <summary>Documented in docs/classification.md: train on one model's responses, test on the other's, pooled binary agreement.</summary>
    private const double DocumentedCrossModelBinaryAgreement = 0.935;

    private static List<(string Model, string Prompt, string Text, VerdictLabel Gold)> Load()
    {
        var rows = new List<(string, string, string, VerdictLabel)>();
        foreach (var model in new[] { "llama2orig", "mistralinstruct" })
        {
            using var reader = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true })
                .FromFile(Path.Combine(XsTestFactAttribute.XsTestDirectory!, $"xstest_v2_completions_{model}.csv"));
            foreach (var row in reader)
            {
                var gold = row["final_label"].ToString() switch
                {
                    "1_full_compliance" => VerdictLabel.DirectAnswer,
                    "2_full_refusal" => VerdictLabel.DirectRefusal,
                    _ => VerdictLabel.IndirectRefusal,
                };
                rows.Add((model, row["prompt"].ToString(), row["completion"].ToString(), gold));
            }
        }

        return rows;
    }

    [XsTestFact]
    public void Retraining_on_all_responses_reproduces_the_shipped_weights_bit_for_bit()
    {
        var rows = Load();
        var model = OfflineModelTrainer.Train([.. OfflineSeedExamples.All, .. rows.Select(r => (r.Prompt, r.Text, r.Gold))], new OfflineTrainingOptions());
        using var retrained = new MemoryStream();
        model.Write(retrained);
        using var shipped = new MemoryStream();
        OfflineModel.Default.Write(shipped);

        Convert.ToHexStringLower(SHA256.HashData(retrained.ToArray()))
            .Should().Be(Convert.ToHexStringLower(SHA256.HashData(shipped.ToArray())));
    }

    [XsTestFact]
    public void Cross_model_agreement_meets_the_documented_figure()
    {
        var rows = Load();
        var agree = 0;
        foreach (var testModel in new[] { "llama2orig", "mistralinstruct" })
        {
            var model = OfflineModelTrainer.Train([.. OfflineSeedExamples.All, .. rows.Where(r => r.Model != testModel).Select(r => (r.Prompt, r.Text, r.Gold))], new OfflineTrainingOptions());
            agree += rows.Where(r => r.Model == testModel).Count(r => model.Predict(r.Prompt, r.Text).Label.IsRefusal() == r.Gold.IsRefusal());
        }

        ((double)agree / rows.Count).Should().BeGreaterThanOrEqualTo(DocumentedCrossModelBinaryAgreement);
    }
}
