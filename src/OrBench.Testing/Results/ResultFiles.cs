namespace OrBench.Testing.Results;

/// <summary>Reads and writes <c>results.json</c> (versioned, with records) and <c>records.jsonl</c> (one record per line, sorted by id). Writes are atomic: a temp file renamed into place.</summary>
public static class ResultFiles
{
    /// <summary>Writes <c>results.json</c> and <c>records.jsonl</c> into <paramref name="directory"/>.</summary>
    public static Task WriteAsync(OrBenchResult result, string directory, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Contract stub: implemented by the Result stage.");

    /// <summary>Reads a <c>results.json</c>; a typed error names the file and what is wrong.</summary>
    public static Task<OrBenchResult> ReadAsync(string resultsJsonPath, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Contract stub: implemented by the Result stage.");
}
