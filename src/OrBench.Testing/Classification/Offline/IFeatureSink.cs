namespace OrBench.Testing.Classification.Offline;

/// <summary>Receives the features of one response; a struct implementation keeps extraction allocation-free.</summary>
internal interface IFeatureSink
{
    /// <summary>Adds <paramref name="value"/> to feature <paramref name="index"/>.</summary>
    void Add(int index, float value);
}
