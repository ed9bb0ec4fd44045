using OrBench.Testing.Tests.Reporting;
using Xunit;

namespace OrBench.Testing.Tests.Acceptance;

/// <summary>A fact that runs only where a Chromium binary exists (Debian's <c>chromium</c>); elsewhere it is skipped, not failed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Find() is null)
        {
            Skip = "No Chromium binary (set ORBENCH_CHROMIUM or install Debian's chromium: apt-get install -y chromium).";
        }
    }
}
