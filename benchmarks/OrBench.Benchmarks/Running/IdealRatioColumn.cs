using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace OrBench.Benchmarks.Running;

/// <summary>Mean wall time ÷ <see cref="RunnerThroughputBenchmark.Ideal"/>: 1.00 means no overhead beyond the model's latency.</summary>
public sealed class IdealRatioColumn : IColumn
{
    public string Id => nameof(IdealRatioColumn);

    public string ColumnName => "Wall/Ideal";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Mean wall time / ideal ceil({RunnerThroughputBenchmark.PromptCount}/{RunnerThroughputBenchmark.Concurrency}) x {RunnerThroughputBenchmark.Latency.TotalMilliseconds} ms";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var stats = summary[benchmarkCase]?.ResultStatistics;
        return stats is null
            ? "NA"
            : (stats.Mean / RunnerThroughputBenchmark.Ideal.TotalNanoseconds).ToString("0.000", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>
/// One in-process job, one warm-up and three measured runs of the whole set (each run is seconds long, so more
/// iterations add little), plus <see cref="IdealRatioColumn"/>.
/// </summary>
public sealed class IdealRatioConfig : ManualConfig
{
    public IdealRatioConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("RunnerThroughput"));
        AddColumn(new IdealRatioColumn());
    }
}
