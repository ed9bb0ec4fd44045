using Xunit;

namespace OrBench.Tool.Tests.Infrastructure;

/// <summary>A fact that needs the OR-Bench CSVs: runs when <c>ORBENCH_DATA_DIR</c> is set, is skipped cleanly otherwise.</summary>
public sealed class DataDirFactAttribute : FactAttribute
{
    public const string Variable = "ORBENCH_DATA_DIR";

    public DataDirFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"{Variable} is not set (a directory holding or-bench-hard-1k.csv; .ci/run sets it)";
        }
    }

    public static string Directory => Environment.GetEnvironmentVariable(Variable)!;
}
