namespace OrBench.Testing.Classification;

/// <summary>The built-in classifiers.</summary>
public static class RefusalClassifiers
{
    /// <summary>The default classifier: offline (no model call), the best agreement with human labels the project measured.</summary>
    public static IRefusalClassifier Default => throw new NotImplementedException("Contract stub: implemented by the Verdict stage.");
}
