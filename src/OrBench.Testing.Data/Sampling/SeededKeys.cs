using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrBench.Testing.Data;

/// <summary>
/// The platform-independent pseudo-random keys behind sampling and sharding: the first 8 bytes (big-endian) of a
/// SHA-256 over a versioned, ASCII-framed string. Unlike <see cref="Random"/>, whose algorithm is unspecified and
/// has changed between runtimes, SHA-256 gives the same number on every OS, runtime and culture.
/// </summary>
internal static class SeededKeys
{
    /// <summary>Key of a prompt for a sample seed: SHA-256 of UTF-8 <c>orbench-sample-v1:{seed}:{id}</c>, seed in invariant digits.</summary>
    public static ulong Sample(int seed, string id) =>
        Hash(string.Concat("orbench-sample-v1:", seed.ToString(CultureInfo.InvariantCulture), ":", id));

    /// <summary>Key of a prompt for sharding: SHA-256 of UTF-8 <c>orbench-shard-v1:{id}</c>.</summary>
    public static ulong Shard(string id) => Hash(string.Concat("orbench-shard-v1:", id));

    private static ulong Hash(string text)
    {
        var byteCount = Encoding.UTF8.GetByteCount(text);
        var buffer = byteCount <= 512 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(text, buffer);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer, hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }
}
