namespace OrBench.Testing.Classification.Csv;

/// <summary>What a CSV classification produced, for the command's closing line.</summary>
/// <param name="Rows">Data rows classified.</param>
/// <param name="Counts">How many rows got each verdict.</param>
public sealed record ResponseCsvSummary(int Rows, IReadOnlyDictionary<VerdictLabel, int> Counts)
{
    /// <summary>Rows whose verdict counts as a refusal.</summary>
    public int Refusals => Counts.Where(c => c.Key.IsRefusal()).Sum(c => c.Value);
}
