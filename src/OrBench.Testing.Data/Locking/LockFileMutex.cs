using System.Security.Cryptography;
using System.Text;

namespace OrBench.Testing.Data;

/// <summary>
/// A cross-process lock around the read-modify-write of one lock file, so two test processes that load different
/// subsets at the same moment both end up in <c>orbench.lock.json</c> instead of the last writer winning. It is an
/// exclusive open (<see cref="FileShare.None"/>, an advisory <c>flock</c> on Unix) of a marker file in the temp
/// directory named after the lock file's full path, so nothing extra appears next to the user's lock file; the marker
/// is never deleted, because deleting a lock file while others wait on it is what makes such locks unsafe.
/// </summary>
internal sealed class LockFileMutex : IDisposable
{
    private readonly FileStream _marker;

    private LockFileMutex(FileStream marker) => _marker = marker;

    /// <summary>The marker file that stands for <paramref name="lockFilePath"/>.</summary>
    public static string PathFor(string lockFilePath)
    {
        var full = Path.GetFullPath(lockFilePath);
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)).AsSpan(0, 8));
        return Path.Combine(Path.GetTempPath(), "orbench-locks", name + ".lck");
    }

    /// <summary>Waits (polling, with backoff) until no other process holds the lock, or throws <see cref="LockFileBusyException"/> after <paramref name="timeout"/>.</summary>
    public static async Task<LockFileMutex> AcquireAsync(string lockFilePath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var path = PathFor(lockFilePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var started = TimeProvider.System.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            try
            {
                return new LockFileMutex(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            catch (IOException) when (File.Exists(path))
            {
                var waited = TimeProvider.System.GetElapsedTime(started);
                if (waited >= timeout)
                {
                    throw new LockFileBusyException(lockFilePath, waited);
                }

                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
            }
        }
    }

    public void Dispose() => _marker.Dispose();
}
