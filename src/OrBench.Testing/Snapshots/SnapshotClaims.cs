using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace OrBench.Testing.Snapshots;

/// <summary>
/// Remembers which records each verified file was checked against in this test process. The default file name is
/// <c>&lt;TestClass&gt;.&lt;TestMethod&gt;</c>, so the rows of a <c>[Theory]</c> (or two calls in one test) share a file and
/// would overwrite each other's snapshot; a second, different claim on the same file is reported instead. Calls that set
/// <see cref="SnapshotOptions.Name"/> chose their file and are not checked.
/// </summary>
internal static class SnapshotClaims
{
    private static readonly ConcurrentDictionary<string, string> Claims = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="verifiedPath"/> is unclaimed or was claimed with the same snapshot text.</summary>
    public static bool TryClaim(string verifiedPath, string snapshotText)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(snapshotText)));
        return Claims.GetOrAdd(Path.GetFullPath(verifiedPath), hash) == hash;
    }
}
