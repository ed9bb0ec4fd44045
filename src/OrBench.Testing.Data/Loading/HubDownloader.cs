using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace OrBench.Testing.Data;

/// <summary>
/// Downloads one file from the hub into the cache: streamed to a temp file beside the target, counted against
/// Content-Length, hashed on the way, checked by the caller (the lock), and only then renamed into place. Any
/// failure deletes the temp file, so the cache never holds a partial or unverified file.
/// </summary>
internal static class HubDownloader
{
    private static readonly Lazy<HttpClient> SharedClient = new(() => new HttpClient { Timeout = TimeSpan.FromMinutes(10) });

    public static Uri BuildUrl(Uri endpoint, string repository, string revision, string fileName) =>
        new($"{endpoint.AbsoluteUri.TrimEnd('/')}/datasets/{repository}/resolve/{Uri.EscapeDataString(revision)}/{Uri.EscapeDataString(fileName)}");

    /// <summary>
    /// The URL as it may appear in messages, exceptions and logs: without the <c>user:password@</c> part a mirror's
    /// <c>HF_ENDPOINT</c> may carry, which is a credential like <c>HF_TOKEN</c>.
    /// </summary>
    public static Uri ForDisplay(Uri url) =>
        string.IsNullOrEmpty(url.UserInfo) ? url : new Uri(url.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped));

    /// <summary>
    /// Downloads <paramref name="url"/> to <paramref name="destination"/>; returns its size and SHA-256. The
    /// <paramref name="verify"/> callback gets (temp path, size, sha256) before the rename and throws to reject the bytes;
    /// <paramref name="placesTried"/> is appended to error messages.
    /// </summary>
    public static async Task<(long Size, string Sha256)> DownloadAsync(
        Uri url,
        string destination,
        string? token,
        HttpClient? client,
        string placesTried,
        Func<string, long, string, Task> verify,
        CancellationToken cancellationToken)
    {
        var shown = ForDisplay(url);
        var directory = Path.GetDirectoryName(Path.GetFullPath(destination))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.partial");
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (!string.IsNullOrEmpty(token))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            HttpResponseMessage response;
            try
            {
                response = await (client ?? SharedClient.Value).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                throw new DatasetDownloadException(shown, ex.StatusCode, $"Could not reach {shown}: {Scrub(ex.Message, url)}{placesTried}", ex);
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DatasetDownloadException(shown, null, $"The request to {shown} timed out.{placesTried}", ex);
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    throw StatusError(shown, response.StatusCode, hasToken: !string.IsNullOrEmpty(token), placesTried);
                }

                var expected = response.Content.Headers.ContentLength;
                var (size, sha256) = await CopyAsync(response, temp, shown, expected, cancellationToken);
                await verify(temp, size, sha256);
                File.Move(temp, destination, overwrite: true);
                return (size, sha256);
            }
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Removes the URL's user info from a message of the HTTP stack, which may quote the URL it was given.</summary>
    private static string Scrub(string message, Uri url) =>
        url.UserInfo.Length == 0 ? message : message.Replace(url.UserInfo, "***", StringComparison.Ordinal);

    private static async Task<(long Size, string Sha256)> CopyAsync(HttpResponseMessage response, string temp, Uri url, long? expected, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var received = 0L;
        var buffer = new byte[81920];
        await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, useAsync: true))
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            while (true)
            {
                int read;
                try
                {
                    read = await body.ReadAsync(buffer, cancellationToken);
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                {
                    throw new IncompleteDownloadException(url, received, expected, ex);
                }

                if (read == 0)
                {
                    break;
                }

                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                received += read;
            }
        }

        if (expected is { } length && received != length)
        {
            throw new IncompleteDownloadException(url, received, length);
        }

        return (received, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static DatasetDownloadException StatusError(Uri url, HttpStatusCode status, bool hasToken, string placesTried)
    {
        var code = (int)status;
        var reason = code switch
        {
            401 when hasToken => "the hub rejected the token. Check that HF_TOKEN (or OrBenchDataOptions.Token) holds a valid token with read access.",
            401 => "the hub wants a token. Set HF_TOKEN (or OrBenchDataOptions.Token) to a token with read access.",
            403 => "the token has no access to this dataset. Accept the dataset's terms on the hub, or use a token with read access.",
            404 => "the file or revision does not exist there. Check OrBenchDataOptions.Revision and HF_ENDPOINT.",
            >= 500 => "the hub failed. Try again later, or point HF_ENDPOINT at a mirror.",
            _ => "unexpected response.",
        };
        return new DatasetDownloadException(url, status, $"HTTP {code} ({status}) from {url}: {reason}{placesTried}");
    }
}
