namespace OrBench.Probe;

internal static class CacheWriteProbe
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(2);
}
