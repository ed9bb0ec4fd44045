namespace OrBench.Testing.Results;

/// <summary>Shard results could not be merged: they come from different runs, or the same prompt appears in two shards.</summary>
public class ResultMergeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ResultMergeException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ResultMergeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ResultMergeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
