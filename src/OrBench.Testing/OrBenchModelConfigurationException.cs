namespace OrBench.Testing;

/// <summary>
/// An environment variable read by <see cref="OrBenchModel.FromEnvironment()"/> is set to something unusable. The
/// message names the variable and what it needs; it never repeats a key.
/// </summary>
public sealed class OrBenchModelConfigurationException : Exception
{
    /// <summary>Creates the exception for <paramref name="variable"/>.</summary>
    public OrBenchModelConfigurationException(string variable, string message)
        : base(message) => Variable = variable;

    /// <summary>Creates the exception.</summary>
    public OrBenchModelConfigurationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public OrBenchModelConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public OrBenchModelConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The variable that was wrong.</summary>
    public string? Variable { get; }
}
