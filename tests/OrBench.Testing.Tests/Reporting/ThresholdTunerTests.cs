using System.Text.Json;
using FluentAssertions;
using OrBench.Testing.Assertions;
using OrBench.Testing.Gates;
using OrBench.Testing.Reporting;
using OrBench.Testing.Reporting.Tuning;
using OrBench.Testing.Results;
using Xunit;

namespace OrBench.Testing.Tests.Reporting;

public sealed class ThresholdTunerTests
{
    private const double Tolerance = 5e-6;

    /// <summary>
    /// Case 1: 20 of 200 benign prompts refused; confidence 0.95, margin 0.02, power 0.80, rise 0.03.
    /// Hand computation (z values from standard normal tables):
    ///   z = Φ⁻¹(0.975) = 1.959964, z² = 3.841459;  z_a = Φ⁻¹(0.95) = 1.644854 (one-sided);  z_b = Φ⁻¹(0.80) = 0.841621.
    ///   Wilson: p = 0.1, n = 200. denom = 1 + z²/n = 1.019207; centre = (0.1 + z²/400)/denom = 0.109604/1.019207 = 0.107539;
    ///     half = z·√(p(1−p)/n + z²/(4n²))/denom = 1.959964·√(0.00045 + 0.0000240091)/1.019207 = 1.959964·0.0217717/1.019207 = 0.041868;
    ///     interval = [0.065670, 0.149406].
    ///   Failing thresholds: interval policy = lower = 0.065670; strict = upper = 0.149406; point = 0.100000.
    ///   Suggested (interval policy): 0.065670 + 0.02 = 0.085670 → rounded up to 0.1 pp → 0.086.
    ///   Detectable rise d: a = z_a·√(0.1·0.9) = 1.644854·0.3 = 0.493456;
    ///     (n + z_b²)d² − (2a√n + z_b²(1 − 2p))d + (a² − z_b²·p(1−p)) = 0
    ///     A = 200 + 0.708326 = 200.708326; B = 2·0.493456·14.142136 + 0.708326·0.8 = 13.957045 + 0.566661 = 14.523706;
    ///     C = 0.243499 − 0.708326·0.09 = 0.243499 − 0.063749 = 0.179750;
    ///     d = (B + √(B² − 4AC))/(2A) = (14.523706 + √(210.938036 − 144.308895))/401.416652 = (14.523706 + 8.162668)/401.416652 = 0.056516.
    ///     Check: d·√n = 0.799254 and a + z_b·√(0.156516·0.843484) = 0.493456 + 0.841621·0.363339 = 0.799254. ✓
    ///   Prompts for +3 pp: p1 = 0.13; (0.493456 + 0.841621·√(0.13·0.87))/0.03 = (0.493456 + 0.841621·0.336303)/0.03
    ///     = (0.493456 + 0.283041)/0.03 = 25.883233; squared = 669.94 → 670 prompts.
    /// </summary>
    [Fact]
    public void Case1_twenty_of_two_hundred_refused_matches_hand_computation()
    {
        var result = new ResultBuilder().Benign("illegal", 200, 20).Build();

        var report = ThresholdTuner.Tune([result], new TuningOptions { Confidence = 0.95, Margin = 0.02, Power = 0.80, Rise = 0.03 });

        var overall = report.Gates.Single(g => g.Category is null);
        overall.Metric.Should().Be(GateMetric.OverRefusal);
        overall.Estimate.Count.Should().Be(20);
        overall.Estimate.N.Should().Be(200);
        overall.Estimate.Lower.Should().BeApproximately(0.065670, Tolerance);
        overall.Estimate.Upper.Should().BeApproximately(0.149406, Tolerance);
        overall.FailingThresholds.IntervalAboveThreshold.Should().BeApproximately(0.065670, Tolerance);
        overall.FailingThresholds.Strict.Should().BeApproximately(0.149406, Tolerance);
        overall.FailingThresholds.PointEstimate.Should().BeApproximately(0.100000, Tolerance);
        overall.SuggestedThreshold.Should().BeApproximately(0.086, 1e-12);
        overall.MinimumDetectableRise.Should().NotBeNull().And.BeApproximately(0.056516, Tolerance);
        overall.PromptsForRise.Should().Be(670);
    }

    /// <summary>
    /// Case 2: 0 of 60 toxic prompts answered; confidence 0.95, margin 0.02, power 0.80, rise 0.03, policy Strict.
    /// Hand computation:
    ///   Wilson at p = 0: centre = (z²/2n)/(1 + z²/n), half = z·√(z²/4n²)/(1 + z²/n) = (z²/2n)/(1 + z²/n), so
    ///     lower = 0 and upper = (z²/n)/(1 + z²/n) = z²/(n + z²) = 3.841459/63.841459 = 0.060172.
    ///   Failing thresholds: interval = 0, strict = 0.060172, point = 0.
    ///   Suggested (strict policy): 0.060172 + 0.02 = 0.080172 → rounded up to 0.1 pp → 0.081.
    ///   Detectable rise at p0 = 0: a = 0 and C = 0, so (n + z_b²)d² − z_b²·d = 0 → d = z_b²/(n + z_b²) = 0.708326/60.708326 = 0.011668.
    ///   Prompts for +3 pp: (0 + z_b·√(0.03·0.97))/0.03 = 0.841621·0.170587/0.03 = 4.785661; squared = 22.90 → 23 prompts.
    /// </summary>
    [Fact]
    public void Case2_no_toxic_prompt_answered_matches_hand_computation()
    {
        var result = new ResultBuilder(prompts: "or-bench-toxic", subset: Data.OrBenchSubset.Toxic).Toxic("violence", 60, 0).Build();

        var report = ThresholdTuner.Tune([result], new TuningOptions { Policy = GatePolicy.Strict });

        var overall = report.Gates.Single(g => g.Category is null);
        overall.Metric.Should().Be(GateMetric.ToxicAcceptance);
        overall.Estimate.N.Should().Be(60);
        overall.FailingThresholds.IntervalAboveThreshold.Should().Be(0);
        overall.FailingThresholds.Strict.Should().BeApproximately(0.060172, Tolerance);
        overall.FailingThresholds.PointEstimate.Should().Be(0);
        overall.SuggestedThreshold.Should().BeApproximately(0.081, 1e-12);
        overall.MinimumDetectableRise.Should().NotBeNull().And.BeApproximately(0.011668, Tolerance);
        overall.PromptsForRise.Should().Be(23);
    }

    [Fact]
    public void Rows_cover_each_metric_overall_then_each_category_for_each_model()
    {
        var a = new ResultBuilder("model-b").Benign("privacy", 10, 1).Benign("illegal", 10, 2).Toxic("violence", 5, 0).Build();
        var b = new ResultBuilder("model-a").Benign("hate", 4, 0).Build();

        var report = ThresholdTuner.Tune([a, b]);

        report.Gates.Select(g => $"{g.Model}:{g.Gate}").Should().Equal(
            "model-a:over-refusal",
            "model-a:over-refusal/hate",
            "model-b:over-refusal",
            "model-b:over-refusal/illegal",
            "model-b:over-refusal/privacy",
            "model-b:toxic-acceptance",
            "model-b:toxic-acceptance/violence");
    }

    [Fact]
    public void Shards_of_one_model_are_merged_before_tuning()
    {
        var shard1 = new ResultBuilder().Benign("illegal", 100, 10, idPrefix: "s1").Meta("shard", "1/2").Build();
        var shard2 = new ResultBuilder().Benign("illegal", 100, 10, idPrefix: "s2").Meta("shard", "2/2").Build();

        var report = ThresholdTuner.Tune([shard1, shard2]);

        report.Gates[0].Estimate.Should().Match<global::OrBench.Testing.Statistics.RateEstimate>(e => e.Count == 20 && e.N == 200);
    }

    [Fact]
    public void The_same_shard_twice_is_a_typed_error_naming_the_shard()
    {
        var shard = new ResultBuilder().Benign("illegal", 3, 1).Meta("shard", "1/2").Build();

        var act = () => ThresholdTuner.Tune([shard, shard]);

        act.Should().Throw<ResultMergeException>().WithMessage("shard 1/2 of *given twice*");
    }

    [Fact]
    public void Table_and_json_carry_the_numbers()
    {
        var result = new ResultBuilder().Benign("illegal", 200, 20).Build();
        var report = ThresholdTuner.Tune([result]);

        var table = report.ToTable();
        table.Should().Contain("over-refusal/illegal").And.Contain("10.0%").And.Contain("[6.6%, 14.9%]").And.Contain("8.6%").And.Contain("670");

        using var json = JsonDocument.Parse(report.ToJson());
        var gate = json.RootElement.GetProperty("gates")[0];
        gate.GetProperty("gate").GetString().Should().Be("over-refusal");
        gate.GetProperty("category").ValueKind.Should().Be(JsonValueKind.Null);
        gate.GetProperty("failingThresholds").GetProperty("strict").GetDouble().Should().BeApproximately(0.149406, Tolerance);
        gate.GetProperty("suggestedThreshold").GetDouble().Should().Be(0.086);
        gate.GetProperty("promptsForRise").GetInt32().Should().Be(670);
        json.RootElement.GetProperty("policy").GetString().Should().Be("default", "no policy was chosen: each metric's default applies");
        gate.GetProperty("suggestedFor").GetString().Should().Be("interval", "over-refusal defaults to the interval policy");
    }

    // Case 2's numbers without naming a policy: toxic acceptance defaults to Strict, so the suggestion is the strict one.
    [Fact]
    public void Toxic_acceptance_is_tuned_for_its_default_strict_policy()
    {
        var result = new ResultBuilder(prompts: "or-bench-toxic", subset: Data.OrBenchSubset.Toxic).Toxic("violence", 60, 0).Build();

        var overall = ThresholdTuner.Tune([result]).Gates.Single(g => g.Category is null);

        overall.Policy.Should().Be(GatePolicy.Strict);
        overall.SuggestedThreshold.Should().BeApproximately(0.081, 1e-12);
    }

    [Fact]
    public void A_rise_beyond_one_hundred_percent_needs_no_prompt_count()
    {
        RegressionPower.PromptsNeeded(0.99, 0.03).Should().BeNull();
        RegressionPower.MinimumDetectableRise(0.5, 0).Should().BeNull();
    }

    [Fact]
    public void Bad_options_are_rejected_with_the_setting_named()
    {
        var result = new ResultBuilder().Benign("illegal", 10, 1).Build();

        var act = () => ThresholdTuner.Tune([result], new TuningOptions { Confidence = 1.5 });

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("Confidence");
    }

    // 8/100 at 95 %: p = 0.08, z² = 3.841459, denominator 1.0384146, centre 0.0992073/1.0384146 = 0.0955373, half-width
    // 1.959964·√(0.000736 + 0.0000960365)/1.0384146 = 0.0544439, so the lower bound is 0.0410934 and the upper 0.1499812.
    // A threshold of 4.1 % is below 4.109 % and fails; the table used to print "4.1%" in the fails-below column.
    [Fact]
    public void Fails_below_columns_round_up_so_the_printed_threshold_passes()
    {
        var result = new ResultBuilder().Benign("illegal", 100, 8).Build();

        var row = ThresholdTuner.Tune([result]).ToTable().Split('\n').First(l => l.Contains("over-refusal ", StringComparison.Ordinal));
        var cells = row.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        cells[4].Should().Be("[4.1%, 15.0%]", "the interval itself is rounded to the nearest 0.1 pp");
        cells[5].Should().Be("4.2%");
        cells[6].Should().Be("15.0%");
        cells[7].Should().Be("8.0%");
        GatePolicy.IntervalAboveThreshold.Fails(result.OverRefusalRate(), 0.041).Should().BeTrue();
        GatePolicy.IntervalAboveThreshold.Fails(result.OverRefusalRate(), 0.042).Should().BeFalse();
    }

    // The JSON's failing thresholds are rounded to six decimals upwards: copied into a gate, each passes today's result
    // under its policy and lies within a millionth of the exact bound.
    [Theory]
    [InlineData(100, 8)]
    [InlineData(200, 20)]
    [InlineData(37, 5)]
    [InlineData(1319, 101)]
    public void Json_failing_thresholds_pass_todays_result(int n, int refused)
    {
        var result = new ResultBuilder().Benign("illegal", n, refused).Build();
        var estimate = result.OverRefusalRate();

        using var json = JsonDocument.Parse(ThresholdTuner.Tune([result]).ToJson());
        var failing = json.RootElement.GetProperty("gates")[0].GetProperty("failingThresholds");

        foreach (var (name, policy, exact) in new[] { ("interval", GatePolicy.IntervalAboveThreshold, estimate.Lower), ("strict", GatePolicy.Strict, estimate.Upper), ("point", GatePolicy.PointEstimate, estimate.Rate) })
        {
            var printed = failing.GetProperty(name).GetDouble();
            policy.Fails(estimate, printed).Should().BeFalse("{0} threshold {1} is copied from the JSON", name, printed);
            (printed - exact).Should().BeInRange(0, 1e-6);
        }
    }
}
