using System.Security.Cryptography;

namespace OrBench.Testing.Data;

/// <summary>
/// Finds an official file through the resolution order (explicit directory, <c>ORBENCH_DATA_DIR</c>, cache,
/// download), reads its bytes, parses them and checks them against the lock. Every step it passes is recorded so the
/// final "not found" error tells the user exactly where it looked. A named directory that does not exist stops the
/// search (<see cref="DataDirectoryNotFoundException"/>); one that exists but lacks the file falls through.
/// </summary>
/// <remarks>
/// The bytes are parsed before the lock records them and before a download is renamed into the cache: a file that
/// does not load (a proxy's HTML login page served with status 200, a truncated mirror copy) must neither be pinned
/// in <c>orbench.lock.json</c> nor stay in the cache, or every later run would fail on it, and the lock would reject
/// the real file once it arrived.
/// </remarks>
internal static class DataFileResolver
{
    public const string DataDirVariable = "ORBENCH_DATA_DIR";
    public const string CacheDirVariable = "ORBENCH_CACHE_DIR";
    public const string EndpointVariable = "HF_ENDPOINT";
    public const string TokenVariable = "HF_TOKEN";
    public const string OfflineVariable = "HF_HUB_OFFLINE";

    /// <param name="fileName">The official file name.</param>
    /// <param name="options">Where to look and how to lock.</param>
    /// <param name="parse">
    /// Parses the bytes, given with the name to use in errors (the path, or the URL for a download not yet in the cache);
    /// throws to reject them before anything is recorded.
    /// </param>
    /// <param name="cancellationToken">Cancels reading and downloading.</param>
    public static async Task<ResolvedFile<T>> ResolveAsync<T>(string fileName, OrBenchDataOptions options, Func<byte[], string, T> parse, CancellationToken cancellationToken)
    {
        ValidateRevision(options.Revision);
        var tried = new List<string>();

        var local = TryDirectory("explicit directory (OrBenchDataOptions.DataDirectory)", "OrBenchDataOptions.DataDirectory", options.DataDirectory, fileName, tried)
            ?? TryDirectory(DataDirVariable, DataDirVariable, options.Environment(DataDirVariable), fileName, tried);
        if (local is not null)
        {
            return await ReadAndLockAsync(local, fileName, options, parse, cancellationToken);
        }

        var (cacheLabel, cacheRoot) = CacheRoot(options);
        var cachePath = Path.Combine(cacheRoot, options.Revision.Replace('/', '_'), fileName);
        if (File.Exists(cachePath))
        {
            return await ReadAndLockAsync(cachePath, fileName, options, parse, cancellationToken);
        }

        tried.Add($"cache ({cacheLabel}): {cachePath} - not found");

        var url = HubDownloader.BuildUrl(Endpoint(options), options.Repository, options.Revision, fileName);
        var shownUrl = HubDownloader.ForDisplay(url);
        if (!options.AllowDownload)
        {
            tried.Add($"download from {shownUrl} - disabled (OrBenchDataOptions.AllowDownload = false)");
            throw new DataFileNotFoundException(fileName, tried);
        }

        var offline = options.Environment(OfflineVariable);
        if (offline is "1" || string.Equals(offline, "true", StringComparison.OrdinalIgnoreCase))
        {
            tried.Add($"download from {shownUrl} - disabled ({OfflineVariable}={offline})");
            throw new DataFileNotFoundException(fileName, tried);
        }

        var placesTried = Environment.NewLine + "Places tried before downloading:" + Environment.NewLine
            + string.Join(Environment.NewLine, tried.Select((p, i) => $"  {i + 1}. {p}"));
        var token = options.Token ?? options.Environment(TokenVariable);
        if (!string.IsNullOrWhiteSpace(token) && token.Trim().Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            // The HTTP stack would reject it with a message that names neither the variable nor the fix.
            throw new OrBenchDataException($"{TokenVariable} (or OrBenchDataOptions.Token) holds a line break, space or control character inside the token; set it to the token alone, e.g. HF_TOKEN=$(tr -d '\\n' < token.txt). The token is not shown.");
        }
        byte[] bytes = [];
        T parsed = default!;
        var (size, sha256) = await HubDownloader.DownloadAsync(
            url,
            cachePath,
            string.IsNullOrWhiteSpace(token) ? null : token.Trim(),
            options.HttpClient,
            placesTried,
            async (temp, downloadedSize, downloadedSha) =>
            {
                bytes = await File.ReadAllBytesAsync(temp, cancellationToken);
                parsed = parse(bytes, shownUrl.ToString());
                await LockFileGuard.CheckAsync(options, fileName, cachePath, downloadedSize, downloadedSha, cancellationToken);
            },
            cancellationToken);
        return new ResolvedFile<T>(cachePath, parsed, size, sha256);
    }

    private static string? TryDirectory(string label, string setting, string? directory, string fileName, List<string> tried)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            tried.Add($"{label}: not set");
            return null;
        }

        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            throw new DataDirectoryNotFoundException(setting, full);
        }

        var path = Path.Combine(full, fileName);
        if (File.Exists(path))
        {
            return path;
        }

        tried.Add($"{label}: {path} - not found");
        return null;
    }

    private static async Task<ResolvedFile<T>> ReadAndLockAsync<T>(string path, string fileName, OrBenchDataOptions options, Func<byte[], string, T> parse, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var parsed = parse(bytes, path);
        await LockFileGuard.CheckAsync(options, fileName, path, bytes.LongLength, sha256, cancellationToken);
        return new ResolvedFile<T>(path, parsed, bytes.LongLength, sha256);
    }

    private static (string Label, string Root) CacheRoot(OrBenchDataOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.CacheDirectory))
        {
            return ("OrBenchDataOptions.CacheDirectory", Path.GetFullPath(options.CacheDirectory));
        }

        var fromEnvironment = options.Environment(CacheDirVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return (CacheDirVariable, Path.GetFullPath(fromEnvironment));
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return ("default ~/.cache/orbench", Path.Combine(home, ".cache", "orbench"));
    }

    private static Uri Endpoint(OrBenchDataOptions options)
    {
        if (options.Endpoint is not null)
        {
            return options.Endpoint;
        }

        var fromEnvironment = options.Environment(EndpointVariable);
        if (string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return OrBenchDataOptions.DefaultEndpoint;
        }

        if (Uri.TryCreate(fromEnvironment.Trim(), UriKind.Absolute, out var endpoint) && (endpoint.Scheme == Uri.UriSchemeHttp || endpoint.Scheme == Uri.UriSchemeHttps))
        {
            return endpoint;
        }

        // The value may hold a credential (user:password@host); only the part after it is shown.
        var shown = fromEnvironment.Contains('@', StringComparison.Ordinal) ? "***@" + fromEnvironment[(fromEnvironment.LastIndexOf('@') + 1)..] : fromEnvironment;
        throw new OrBenchDataException($"{EndpointVariable} '{shown}' is not an absolute http(s) URL, e.g. https://hf-mirror.example.com.");
    }

    private static void ValidateRevision(string revision)
    {
        if (string.IsNullOrWhiteSpace(revision)
            || revision.Contains("..", StringComparison.Ordinal)
            || revision.Contains('\\', StringComparison.Ordinal)
            || revision.AsSpan().IndexOfAny(Path.GetInvalidFileNameChars().Where(c => c != '/').ToArray()) >= 0)
        {
            throw new ArgumentException($"'{revision}' is not a usable dataset revision: use a commit hash, tag or branch name.", nameof(revision));
        }
    }

    /// <summary>A resolved file: where it is, what it parsed into, and the size and SHA-256 of its bytes.</summary>
    internal sealed record ResolvedFile<T>(string Path, T Parsed, long Size, string Sha256);
}
