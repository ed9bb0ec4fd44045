namespace OrBench.Testing.Data;

/// <summary>
/// The hub's response body ended before the announced length (a dropped connection or a proxy cutting the
/// stream). The partial temp file was deleted, so a retry starts clean.
/// </summary>
public sealed class IncompleteDownloadException : DatasetDownloadException
{
    /// <summary>Creates the exception.</summary>
    public IncompleteDownloadException(Uri url, long bytesReceived, long? bytesExpected, Exception? innerException = null)
        : base(url, null, bytesExpected is { } expected
            ? $"The download of {url} was cut short: received {bytesReceived:N0} of {expected:N0} bytes. Nothing was written to the cache; try again."
            : $"The download of {url} was cut short after {bytesReceived:N0} bytes. Nothing was written to the cache; try again.",
            innerException)
    {
        BytesReceived = bytesReceived;
        BytesExpected = bytesExpected;
    }

    /// <summary>How many bytes arrived.</summary>
    public long BytesReceived { get; }

    /// <summary>The announced length (Content-Length), when there was one.</summary>
    public long? BytesExpected { get; }
}
