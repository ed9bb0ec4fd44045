namespace OrBench.Testing.Data;

/// <summary>Loads the official OR-Bench subsets and custom prompt files.</summary>
public static class OrBenchDataset
{
    /// <summary>Loads one official subset, resolving the file as described on <see cref="OrBenchDataOptions"/>.</summary>
    public static Task<PromptSet> LoadAsync(OrBenchSubset subset, OrBenchDataOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Contract stub: implemented by the Data stage.");
}
