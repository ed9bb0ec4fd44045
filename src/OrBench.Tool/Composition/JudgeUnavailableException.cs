namespace OrBench.Tool.Composition;

/// <summary>Thrown by <see cref="JudgeCircuitBreaker"/>: the judge gave no verdict on any of the first calls. Ends the command with exit code 1.</summary>
public sealed class JudgeUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JudgeUnavailableException()
    {
    }

    /// <summary>Creates the exception with its one-line reason.</summary>
    public JudgeUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its reason and cause.</summary>
    public JudgeUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The breaker's exception inside <paramref name="exception"/> (wrapped by the classification stage or a pipeline), or null.</summary>
    public static JudgeUnavailableException? In(Exception? exception)
    {
        for (var e = exception; e is not null; e = e is AggregateException { InnerExceptions.Count: > 0 } a ? a.InnerExceptions[0] : e.InnerException)
        {
            if (e is JudgeUnavailableException judge)
            {
                return judge;
            }
        }

        return null;
    }
}
