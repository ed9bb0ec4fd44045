using System.Globalization;

namespace OrBench.Testing.Gates;

/// <summary>The offending prompts of one category in a gate's scope: how many counted against the model, and the worst few.</summary>
/// <param name="Category">The category (untrusted data text).</param>
/// <param name="Against">Records that counted against the model (refused benign or answered toxic prompts, or errors counted against it).</param>
/// <param name="N">Records in the category's denominator.</param>
/// <param name="Errored">How many of <paramref name="Against"/> were errors, not behaviour.</param>
/// <param name="Examples">The worst offenders, decided verdicts first, then by confidence.</param>
/// <param name="Noun">What counting against means for the metric: <c>refused</c> or <c>answered</c>.</param>
public sealed record GateEvidence(string Category, int Against, int N, int Errored, IReadOnlyList<GateExample> Examples, string Noun)
{
    /// <summary>E.g. <c>privacy: 25 of 100 refused or errored (25.0 %; 20 errored)</c>.</summary>
    public override string ToString()
    {
        var counted = Errored == 0 ? $"{Against} of {N} {Noun}" : $"{Against} of {N} {Noun} or errored";
        var detail = Errored == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"; {Errored} errored");
        var share = N == 0 ? 0 : (double)Against / N;
        return string.Create(CultureInfo.InvariantCulture, $"{Category}: {counted} ({share:P1}{detail})");
    }
}
