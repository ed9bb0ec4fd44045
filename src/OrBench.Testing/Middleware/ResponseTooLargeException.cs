using System.Globalization;

namespace OrBench.Testing.Middleware;

/// <summary>
/// A response body was larger than <see cref="ResponseGuardHandler.MaxResponseBytes"/>; reading stopped at the cap,
/// so a hostile or broken server cannot fill the memory. The prompt ends as a request error naming both sizes.
/// </summary>
public sealed class ResponseTooLargeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ResponseTooLargeException()
        : base("The response is larger than the size cap.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ResponseTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ResponseTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a body of <paramref name="size"/> bytes (at least, when it was cut off) against <paramref name="limit"/>.</summary>
    /// <param name="limit">The cap in bytes.</param>
    /// <param name="size">The announced size, or the bytes read when reading stopped.</param>
    /// <param name="announced">True when <paramref name="size"/> came from Content-Length, false when reading went past the cap.</param>
    public ResponseTooLargeException(long limit, long size, bool announced)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"the response is {(announced ? string.Empty : "more than ")}{Bytes(size)}, above the size cap of {Bytes(limit)} (raise it with --max-response-bytes or ResponseGuardHandler.MaxResponseBytes)"))
    {
        Limit = limit;
        Size = size;
    }

    /// <summary>The cap in bytes.</summary>
    public long Limit { get; }

    /// <summary>The size seen: Content-Length, or the bytes read before reading stopped.</summary>
    public long Size { get; }

    internal static string Bytes(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MiB ({bytes:N0} bytes)")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");
}
