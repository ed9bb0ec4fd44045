using FluentAssertions;
using OrBench.Samples.Fixtures;
using OrBench.Testing.Assertions;
using OrBench.Testing.Gates;
using OrBench.Testing.Results;
using Xunit;

namespace OrBench.Samples.Gates;

/// <summary>
/// Regression against a committed baseline: the paired comparison (McNemar's exact test over the prompts both runs
/// share, Holm-corrected across categories) fails only on a statistically clear rise in refusals, and lists the flips.
/// Refresh the baseline by copying a run's results.json over <c>Baselines/hard1k.results.json</c>.
/// </summary>
public sealed class BaselineRegressionGates(Hard1KRun run) : IClassFixture<Hard1KRun>
{
    [Fact]
    public async Task Hard1K_does_not_regress_from_the_baseline()
    {
        var baseline = await ResultFiles.ReadAsync(Path.Combine(AppContext.BaseDirectory, "Baselines", "hard1k.results.json"));

        run.Result.Should().NotRegressFrom(baseline);
    }
}
