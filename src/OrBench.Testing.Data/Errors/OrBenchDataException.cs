namespace OrBench.Testing.Data;

/// <summary>
/// Base of every error the data stage raises for bad input or an unreachable source. Catch this one type
/// to handle all data problems; the derived types carry the evidence (file, line, URL, hashes) as properties.
/// </summary>
public class OrBenchDataException : Exception
{
    /// <summary>Creates an exception with a generic message.</summary>
    public OrBenchDataException()
        : base("The OR-Bench data could not be loaded.")
    {
    }

    /// <summary>Creates an exception whose message says what was wrong and where.</summary>
    public OrBenchDataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps the lower-level cause.</summary>
    public OrBenchDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
