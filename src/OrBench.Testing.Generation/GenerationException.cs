namespace OrBench.Testing.Generation;

/// <summary>A generation run cannot start or continue: the message names the file or option that is wrong and how to fix it.</summary>
public class GenerationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GenerationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public GenerationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public GenerationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The file the problem is in, when there is one.</summary>
    public string? Path { get; init; }
}
