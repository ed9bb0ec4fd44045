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
        return Path.Combine(Path.GetTempPath(), "orbench-locks-" + UserSegment(), name + ".lck");
    }

    /// <summary>
    /// The marker directory is per user: the first user to create a shared <c>/tmp/orbench-locks</c> owns it (mode 755),
    /// and every other user of the machine (a second CI agent account, a colleague on a shared box) then failed to load
    /// any OR-Bench file with "access denied".
    /// </summary>
    private static string UserSegment()
    {
        var user = Environment.UserName;
        var safe = new string([.. user.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
        return safe.Length == 0 || safe.Trim('.').Length == 0 ? "user" : safe;
    }

    /// <summary>Waits (polling, with backoff) until no other process holds the lock, or throws <see cref="LockFileBusyException"/> after <paramref name="timeout"/>.</summary>
    public static async Task<LockFileMutex> AcquireAsync(string lockFilePath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var path = PathFor(lockFilePath);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OrBenchDataException($"{lockFilePath}: cannot create the marker directory that serialises lock-file updates ({Path.GetDirectoryName(path)}): {ex.Message} Point TMPDIR at a writable directory, or set ORBENCH_LOCK_FILE=off.", ex);
        }

        var started = TimeProvider.System.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            try
            {
                return new LockFileMutex(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new OrBenchDataException($"{lockFilePath}: cannot open the marker file that serialises lock-file updates ({path}): {ex.Message} Point TMPDIR at a writable directory, or set ORBENCH_LOCK_FILE=off.", ex);
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
