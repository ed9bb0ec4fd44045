namespace OrBench.Testing.Classification.Offline;

/// <summary>Hyper-parameters of <see cref="OfflineModelTrainer"/>. The defaults are the shipped model's.</summary>
internal sealed record OfflineTrainingOptions
{
    /// <summary>log2 of the hashed bucket count.</summary>
    public int BucketBits { get; init; } = 15;

    /// <summary>Leading characters read for n-gram features.</summary>
    public int Window { get; init; } = 512;

    /// <summary>L2 penalty on all weights except the bias.</summary>
    public double L2 { get; init; } = 3e-5;

    /// <summary>Full-batch gradient steps.</summary>
    public int Iterations { get; init; } = 800;

    /// <summary>Step size.</summary>
    public double LearningRate { get; init; } = 0.5;

    /// <summary>Nesterov momentum.</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>Weight each class by the inverse of its frequency, so a model trained on a mostly-refusing model transfers to a mostly-answering one.</summary>
    public bool BalanceClasses { get; init; } = true;
}
