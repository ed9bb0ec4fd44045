using System.Globalization;
using OrBench.Testing.Results;

namespace OrBench.Tool.Commands;

/// <summary>The one-line reason of exit code 5 (<c>--baseline</c> with <c>--max-regression</c>): the flips and the tests behind it.</summary>
internal static class RegressionGate
{
    public static string Describe(RegressionAssessment regression)
    {
        var categories = regression.RegressingCategories.Count == 0
            ? string.Empty
            : "; significant in " + string.Join(", ", regression.RegressingCategories.Select(c =>
                string.Create(CultureInfo.InvariantCulture, $"{c.Category} (Holm-adjusted p {c.AdjustedPValue:0.####})")));
        return string.Create(CultureInfo.InvariantCulture,
            $"{regression.Worse} of {regression.Paired} paired prompts flipped away from the expected behaviour and {regression.Better} towards it, more than --max-regression {regression.Tolerance:0.####} allows (exact McNemar p {regression.PValue:0.####} overall, alpha {regression.Alpha:0.##}){categories}");
    }
}
