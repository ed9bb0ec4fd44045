namespace OrBench.Testing.Data;

/// <summary>
/// An official OR-Bench file was found in none of the places the resolution order looks, and downloading was
/// not allowed. <see cref="PlacesTried"/> lists every step, so the fix (set a variable, copy a file, go online) is obvious.
/// </summary>
public sealed class DataFileNotFoundException : OrBenchDataException
{
    /// <summary>Creates the exception; the message lists every place tried.</summary>
    public DataFileNotFoundException(string fileName, IReadOnlyList<string> placesTried)
        : base($"OR-Bench file '{fileName}' was not found. Places tried, in order:{Environment.NewLine}"
            + string.Join(Environment.NewLine, (placesTried ?? []).Select((p, i) => $"  {i + 1}. {p}")))
    {
        FileName = fileName;
        PlacesTried = placesTried ?? [];
    }

    /// <summary>The file name, e.g. <c>or-bench-hard-1k.csv</c>.</summary>
    public string FileName { get; }

    /// <summary>Every step of the resolution order with what it found.</summary>
    public IReadOnlyList<string> PlacesTried { get; }
}
