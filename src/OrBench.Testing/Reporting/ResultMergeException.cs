namespace OrBench.Testing.Reporting;

/// <summary>Results given to a report or the tuner cannot be merged, for example because two shards hold the same prompt.</summary>
public sealed class ResultMergeException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public ResultMergeException()
    {
    }

    /// <summary>Creates the exception with a message naming the conflict.</summary>
    public ResultMergeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ResultMergeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
