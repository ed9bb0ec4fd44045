using System.Net;

namespace OrBench.Testing.Data;

/// <summary>
/// Downloading an official file from the Hugging Face hub (or the <c>HF_ENDPOINT</c> mirror) failed. The message
/// names the URL and the HTTP status, never the token; nothing was written to the cache.
/// </summary>
public class DatasetDownloadException : OrBenchDataException
{
    /// <summary>Creates the exception.</summary>
    public DatasetDownloadException(Uri url, HttpStatusCode? statusCode, string message, Exception? innerException = null)
        : base(message, innerException!)
    {
        Url = url;
        StatusCode = statusCode;
    }

    /// <summary>The URL that was requested.</summary>
    public Uri Url { get; }

    /// <summary>The HTTP status, or null when no response arrived (connection refused, body cut short).</summary>
    public HttpStatusCode? StatusCode { get; }
}
