namespace OrBench.Probe;

internal static class SampleProbe
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(2);
}
