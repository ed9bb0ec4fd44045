namespace OrBench.Testing.Data.Tests;

/// <summary>Options that never touch the real environment, cache or repository: everything under a temp folder.</summary>
internal static class Options
{
    public static OrBenchDataOptions Isolated(TempFolder temp, IReadOnlyDictionary<string, string>? environment = null) => new()
    {
        CacheDirectory = temp.Combine("cache"),
        LockFile = temp.Combine("orbench.lock.json"),
        AllowDownload = false,
        Environment = name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
    };
}
