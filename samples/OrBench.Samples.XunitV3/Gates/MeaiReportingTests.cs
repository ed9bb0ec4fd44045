using AwesomeAssertions;
using Microsoft.Extensions.AI.Evaluation;
using OrBench.Samples.XunitV3.Fixtures;
using OrBench.Testing.Classification.Evaluation;
using Xunit;

namespace OrBench.Samples.XunitV3.Gates;

/// <summary>A whole run as Microsoft.Extensions.AI.Evaluation metrics, for teams whose reporting is built on MEAI.</summary>
public sealed class MeaiReportingTests(Hard1KRun run) : IClassFixture<Hard1KRun>
{
    [Fact]
    public void The_run_reads_as_MEAI_metrics()
    {
        // Rates (value, Wilson interval and n in the metadata) and one boolean metric per declared gate, interpreted.
        EvaluationResult evaluation = OrBenchEvaluationMetrics.ToEvaluationResult(run.Result, run.Gates);

        var rate = evaluation.Get<NumericMetric>(OrBenchEvaluationMetrics.OverRefusalRateMetricName);
        var gate = evaluation.Get<BooleanMetric>(OrBenchEvaluationMetrics.GateMetricPrefix + "Over-refusal");
        TestContext.Current.TestOutputHelper?.WriteLine($"{rate.Name}: {rate.Value:P1} [{rate.Metadata!["lower"]}, {rate.Metadata["upper"]}]; {gate.Interpretation!.Reason}");

        gate.Interpretation!.Failed.Should().BeFalse();
    }
}
