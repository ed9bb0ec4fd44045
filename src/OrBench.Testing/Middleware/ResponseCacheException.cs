namespace OrBench.Testing.Middleware;

/// <summary>
/// The response cache itself failed: Redis unreachable, a directory that cannot be written, an entry that no longer
/// deserialises. This is an infrastructure fault, not the model's, so <see cref="Running.PromptRunner"/> and the LLM
/// judge let it end the run instead of recording every prompt as an errored (and, in the gates, refused) response.
/// </summary>
/// <remarks>The inner exception is the cache's own error; the message names the operation and the cache key.</remarks>
public sealed class ResponseCacheException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public ResponseCacheException()
        : base("The response cache failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ResponseCacheException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cache's own error.</summary>
    public ResponseCacheException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
