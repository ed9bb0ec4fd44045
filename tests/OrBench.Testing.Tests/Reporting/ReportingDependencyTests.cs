using System.Reflection;
using FluentAssertions;
using OrBench.Testing.Reporting;
using Xunit;

namespace OrBench.Testing.Tests.Reporting;

/// <summary>
/// Reporting renders results and gate outcomes; it decides nothing a test asserts and draws charts without native code, so
/// it references no assertion library, no test framework and no native-backed plotting library.
/// </summary>
public sealed class ReportingDependencyTests
{
    [Fact]
    public void Reporting_references_no_assertion_test_framework_or_native_plotting_assembly()
    {
        var assembly = typeof(ReportWriter).Assembly;

        var references = assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();

        references.Should().Contain("OrBench.Testing", "the check must see the real reference list");
        references.Should().NotContain(n => n.Contains("Assertions", StringComparison.OrdinalIgnoreCase)
            || n.StartsWith("xunit", StringComparison.OrdinalIgnoreCase)
            || n.StartsWith("ScottPlot", StringComparison.OrdinalIgnoreCase)
            || n.StartsWith("SkiaSharp", StringComparison.OrdinalIgnoreCase)
            || n.StartsWith("HarfBuzz", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void No_reporting_type_lives_in_or_uses_an_assertions_namespace()
    {
        var types = typeof(ReportWriter).Assembly.GetTypes();

        types.Select(t => t.Namespace ?? string.Empty).Should().NotContain(n => n.Contains("Assertions", StringComparison.Ordinal));
        types.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType))
            .Select(t => t.Namespace ?? string.Empty)
            .Should().NotContain(n => n.Contains("Assertions", StringComparison.Ordinal));
    }
}
