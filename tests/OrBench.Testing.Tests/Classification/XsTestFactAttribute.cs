using Xunit;

namespace OrBench.Testing.Tests.Classification;

/// <summary>A fact that runs only when <c>ORBENCH_XSTEST_DIR</c> points at the XSTest data; skipped otherwise.</summary>
public sealed class XsTestFactAttribute : FactAttribute
{
    public XsTestFactAttribute()
    {
        if (XsTestDirectory is null)
        {
            Skip = "ORBENCH_XSTEST_DIR is not set (XSTest human-labelled responses).";
        }
    }

    public static string? XsTestDirectory =>
        Environment.GetEnvironmentVariable("ORBENCH_XSTEST_DIR") is { Length: > 0 } dir && Directory.Exists(dir) ? dir : null;
}
