namespace OrBench.Testing.Classification.Offline;

/// <summary>Thrown when an offline model file is not one this version can read (wrong magic, version or size).</summary>
public sealed class OfflineModelFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OfflineModelFormatException()
    {
    }

    /// <summary>Creates the exception with a message naming what was wrong.</summary>
    public OfflineModelFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public OfflineModelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
