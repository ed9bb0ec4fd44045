namespace OrBench.Testing.Middleware;

/// <summary>
/// A server answered, but not with a chat completion: HTML, truncated JSON, an error object under HTTP 200, no
/// choices, or content that is not text. A request error with a one-line reason, never a model answer: the
/// OpenAI client would otherwise read such a body as an empty answer, which counts as a refusal.
/// </summary>
public sealed class ProtocolViolationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProtocolViolationException()
        : base("The server's response is not a chat completion.")
    {
    }

    /// <summary>Creates the exception with the one-line reason.</summary>
    public ProtocolViolationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the one-line reason and its cause.</summary>
    public ProtocolViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
