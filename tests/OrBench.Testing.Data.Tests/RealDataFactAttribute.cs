namespace OrBench.Testing.Data.Tests;

/// <summary>A fact that needs the shared data folder named by ORBENCH_DATA_DIR; skipped (not failed) when it is unset or missing.</summary>
public sealed class RealDataFactAttribute : FactAttribute
{
    public RealDataFactAttribute()
    {
        var dir = DataDirectory;
        if (string.IsNullOrWhiteSpace(dir))
        {
            Skip = "ORBENCH_DATA_DIR is not set; point it at ../shared/or-bench/data to run the real-data tests.";
        }
        else if (!Directory.Exists(dir))
        {
            Skip = $"ORBENCH_DATA_DIR '{dir}' does not exist.";
        }
    }

    public static string? DataDirectory => Environment.GetEnvironmentVariable("ORBENCH_DATA_DIR");
}
