using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Distributed;

namespace OrBench.Testing.Middleware;

/// <summary>
/// An <see cref="IDistributedCache"/> that keeps one file per entry in a directory, the default store for
/// recorded model responses. Safe for several processes sharing the directory: an entry is written to a
/// temporary file, then renamed over its final name, so a reader sees either nothing or a complete entry, never a
/// partial one. Every file carries a SHA-256 of its payload and a damaged file (also one cut short by a power loss,
/// as entries are not flushed to disk one by one) reads as a miss.
/// <see cref="SetAsync"/> (what the response cache calls) returns once the entry is queued: background threads make
/// it durable while the request that produced it carries on, and this process reads it back from the queue until
/// then. <see cref="FlushAsync"/> (or <see cref="Dispose"/>, or the normal end of the process) waits until every
/// queued entry is on disk; a killed process loses at most the entries still queued. <see cref="Set"/> writes
/// before it returns.
/// File names are a hash of the key, so keys never appear on disk. Entries do not expire: the expiration
/// options of <see cref="Set"/> are ignored; delete the directory (or single files) to forget responses.
/// Swap in any other <see cref="IDistributedCache"/> (for example Redis) to share a cache across machines.
/// </summary>
public sealed class FileDistributedCache : IDistributedCache, IDisposable, IAsyncDisposable
{
    private Exception? _fault;

    private static readonly byte[] Magic = "OBC1"u8.ToArray();
    private const int HeaderLength = 4 + 32;

    /// <summary>Creates (if needed) and uses <paramref name="directory"/>; a relative one lies under the test project's directory (<see cref="ProjectPaths"/>).</summary>
    public FileDistributedCache(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = ProjectPaths.Resolve(directory);
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>The directory holding the entries.</summary>
    public string Directory { get; }

    /// <summary>The file an entry of <paramref name="key"/> lives in: <c>ab/abcdef….entry</c> under <see cref="Directory"/>.</summary>
    public string GetEntryPath(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return Path.Combine(Directory, hash[..2], hash + ".entry");
    }

    /// <inheritdoc />
    public byte[]? Get(string key)
    {
        var path = GetEntryPath(key);
        if (EntryWriter.TryGetPending(path, out var queued))
        {
            return queued.ToArray();
        }

        return TryReadEntry(path, out var payload) ? payload : null;
    }

    /// <inheritdoc />
    public Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        token.ThrowIfCancellationRequested();
        return Task.FromResult(Get(key));
    }

    /// <summary>Writes the entry and returns once it is on disk.</summary>
    /// <exception cref="IOException">The entry could not be written.</exception>
    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        ThrowIfFaulted();
        EntryWriter.WriteAndWait(GetEntryPath(key), value.ToArray(), WriteEntry);
    }

    /// <summary>
    /// Queues the entry and returns (waiting only while the writers' bounded queues are full); it is on disk after
    /// <see cref="FlushAsync"/>. A write that failed in the background fails the next call (and the flush).
    /// </summary>
    /// <exception cref="IOException">An earlier queued entry could not be written.</exception>
    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        token.ThrowIfCancellationRequested();
        ThrowIfFaulted();
        var queued = EntryWriter.EnqueueAsync(GetEntryPath(key), value.ToArray(), WriteEntry, e => Interlocked.CompareExchange(ref _fault, e, null), token);
        return queued.IsCompletedSuccessfully ? Task.CompletedTask : queued.AsTask();
    }

    /// <summary>Completes when every entry queued so far is on disk.</summary>
    /// <exception cref="IOException">A queued entry could not be written (the message names its file).</exception>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await EntryWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
        ThrowIfFaulted();
    }

    /// <summary>Waits until every queued entry is on disk. Failures are reported by <see cref="FlushAsync"/>, not here.</summary>
    public void Dispose() => EntryWriter.FlushAsync().GetAwaiter().GetResult();

    /// <summary>Waits until every queued entry is on disk. Failures are reported by <see cref="FlushAsync"/>, not here.</summary>
    public ValueTask DisposeAsync() => new(EntryWriter.FlushAsync());

    /// <summary>Entries do not expire, so there is nothing to refresh.</summary>
    public void Refresh(string key)
    {
    }

    /// <summary>Entries do not expire, so there is nothing to refresh.</summary>
    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    /// <inheritdoc />
    public void Remove(string key)
    {
        var path = GetEntryPath(key);
        EntryWriter.Forget(path);
        EntryWriter.FlushAsync().GetAwaiter().GetResult();
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <inheritdoc />
    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        token.ThrowIfCancellationRequested();
        Remove(key);
        return Task.CompletedTask;
    }

    /// <summary>Reads an entry file; false when it is missing, truncated or fails its checksum.</summary>
    internal static bool TryReadEntry(string path, out byte[] payload)
    {
        payload = [];
        if (!File.Exists(path))
        {
            // A miss is the common case of a first run: no exception thrown for it.
            return false;
        }

        byte[] bytes;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                bytes = File.ReadAllBytes(path);
                break;
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                return false;
            }
            catch (IOException) when (attempt < 5)
            {
                // Windows: the file is being replaced right now; the rename finishes within moments.
                Thread.Sleep(10 * (attempt + 1));
            }
        }

        if (bytes.Length < HeaderLength || !bytes.AsSpan(0, 4).SequenceEqual(Magic))
        {
            return false;
        }

        var body = bytes.AsSpan(HeaderLength);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(4, 32)))
        {
            return false;
        }

        payload = body.ToArray();
        return true;
    }

    private void ThrowIfFaulted()
    {
        if (Volatile.Read(ref _fault) is { } fault)
        {
            throw new IOException($"the response cache in {Directory} could not write an entry: {fault.Message}", fault);
        }
    }

    /// <summary>
    /// Temporary file renamed over <paramref name="path"/>: complete or absent for every reader, also after a kill. Not
    /// flushed to disk one by one (about 2 ms each, the largest cost of a cached run): after a power loss an entry the
    /// OS had not yet written fails its checksum and reads as a miss, so it is measured again, never misread.
    /// </summary>
    private static void WriteEntry(string path, byte[] value)
    {
        var folder = Path.GetDirectoryName(path)!;
        System.IO.Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $"{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.None))
            {
                stream.Write(Magic);
                stream.Write(SHA256.HashData(value));
                stream.Write(value);
            }

            MoveIntoPlace(temp, path);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static void MoveIntoPlace(string temp, string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                File.Move(temp, path, overwrite: true);
                return;
            }
            catch (Exception ex) when ((ex is IOException or UnauthorizedAccessException) && attempt < 10)
            {
                // Windows refuses to replace a file another process is reading; POSIX rename never does.
                Thread.Sleep(10 * (attempt + 1));
            }
        }
    }
}
