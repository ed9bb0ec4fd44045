namespace OrBench.Testing.Results;

/// <summary>A classifier threw on one response. Classifiers should never throw; this names the prompt so the bad case can be reproduced.</summary>
public sealed class ClassificationFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClassificationFailedException(string classifier, string promptId, Exception innerException)
        : base($"Classifier '{classifier}' failed on prompt '{promptId}': {innerException?.Message}", innerException)
    {
        Classifier = classifier;
        PromptId = promptId;
    }

    /// <summary>Creates the exception.</summary>
    public ClassificationFailedException()
        : this("unknown", "unknown", new InvalidOperationException())
    {
    }

    /// <summary>Creates the exception.</summary>
    public ClassificationFailedException(string message)
        : base(message)
    {
        Classifier = "unknown";
        PromptId = "unknown";
    }

    /// <summary>Creates the exception.</summary>
    public ClassificationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Classifier = "unknown";
        PromptId = "unknown";
    }

    /// <summary>The classifier's name.</summary>
    public string Classifier { get; }

    /// <summary>The prompt whose response could not be classified.</summary>
    public string PromptId { get; }
}
