using System.Security.Cryptography;

namespace OrBench.Testing.Data.Tests.Acceptance;

/// <summary>
/// A fact that needs one of the shared data folders in ORBENCH_DATA_DIR, told apart by the SHA-256 of its Hard-1K file
/// (the folder CI points at may change): skipped, not failed, when the variable is unset, the folder is missing, or it
/// holds the other folder's files.
/// </summary>
public abstract class DataFolderFactAttribute : FactAttribute
{
    protected DataFolderFactAttribute(string folder, string hard1KSha256)
    {
        var dir = DataDirectory;
        var hard1K = dir is null ? null : Path.Combine(dir, OrBenchFiles.Hard1K);
        if (string.IsNullOrWhiteSpace(dir))
        {
            Skip = $"ORBENCH_DATA_DIR is not set; point it at ../shared/or-bench/{folder} to run these tests.";
        }
        else if (!Directory.Exists(dir))
        {
            Skip = $"ORBENCH_DATA_DIR '{dir}' does not exist.";
        }
        else if (!File.Exists(hard1K) || !string.Equals(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(hard1K))), hard1KSha256, StringComparison.Ordinal))
        {
            Skip = $"ORBENCH_DATA_DIR '{dir}' is not ../shared/or-bench/{folder} (its {OrBenchFiles.Hard1K} has another SHA-256).";
        }
    }

    public static string? DataDirectory => Environment.GetEnvironmentVariable("ORBENCH_DATA_DIR");
}

/// <summary>Needs ../shared/or-bench/data (200 real Hard-1K rows, a 200-row toxic stand-in) in ORBENCH_DATA_DIR.</summary>
public sealed class RealDataFactAttribute() : DataFolderFactAttribute("data", "a1def3fbba4d13b3042e534e38885e09893808753a77d9be2580ca23b049809c");

/// <summary>Needs ../shared/or-bench/full (the reconstructed 1,319 Hard-1K and 655 Toxic prompts) in ORBENCH_DATA_DIR.</summary>
public sealed class FullDataFactAttribute() : DataFolderFactAttribute("full", FullDataTests.Hard1KSha256);
