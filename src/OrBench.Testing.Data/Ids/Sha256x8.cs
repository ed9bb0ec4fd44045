using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace OrBench.Testing.Data;

/// <summary>
/// SHA-256 (FIPS 180-4) of up to eight short messages at once, one message per 32-bit lane of a 256-bit vector.
/// </summary>
/// <remarks>
/// Why: a prompt id is a SHA-256 of about 150 bytes, and the platform's one-shot SHA-256 spends most of its half
/// microsecond on per-call overhead, not on hashing; for OR-Bench-80K that was the largest single cost of a load.
/// Eight independent messages in the lanes of one vector share every instruction. Used only where 256-bit vectors
/// are hardware-accelerated (<see cref="IsSupported"/>); callers fall back to <see cref="System.Security.Cryptography.IncrementalHash"/>
/// otherwise. Lanes whose message has fewer blocks keep their state once their last block is done. Tests compare
/// every digest with the platform's SHA-256 across lengths that cross block and padding boundaries.
/// </remarks>
internal static class Sha256x8
{
    /// <summary>Messages per call.</summary>
    public const int Lanes = 8;

    private static readonly uint[] RoundConstants =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private static readonly uint[] InitialState =
    [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ];

    /// <summary>True where eight-lane hashing runs on vector hardware; otherwise it would be slower than the platform's.</summary>
    public static bool IsSupported => Vector256.IsHardwareAccelerated;

    /// <summary>Blocks of 64 bytes a message of this length occupies once padded.</summary>
    public static int BlockCount(int length) => (length + 9 + 63) / 64;

    /// <summary>
    /// Hashes <paramref name="lengths"/>.Length (at most eight) messages stored back to back in
    /// <paramref name="data"/>, message i starting at <paramref name="offsets"/>[i], and writes digest i to
    /// <paramref name="digests"/>[32·i .. 32·i + 32].
    /// </summary>
    [SkipLocalsInit]
    public static void Hash(ReadOnlySpan<byte> data, ReadOnlySpan<int> offsets, ReadOnlySpan<int> lengths, Span<byte> digests)
    {
        var count = lengths.Length;
        if (count > Lanes || offsets.Length != count || digests.Length < count * 32)
        {
            throw new ArgumentException("At most eight messages, one offset per length and 32 bytes of digest per message.");
        }

        Span<uint> blocksPerLane = stackalloc uint[Lanes];
        blocksPerLane.Clear();
        var maxBlocks = 0;
        for (var lane = 0; lane < count; lane++)
        {
            blocksPerLane[lane] = (uint)BlockCount(lengths[lane]);
            maxBlocks = Math.Max(maxBlocks, (int)blocksPerLane[lane]);
        }

        var blocks = Vector256.Create<uint>(blocksPerLane);
        Span<Vector256<uint>> state = stackalloc Vector256<uint>[8];
        for (var i = 0; i < 8; i++)
        {
            state[i] = Vector256.Create(InitialState[i]);
        }

        Span<uint> words = stackalloc uint[16 * Lanes];
        Span<byte> block = stackalloc byte[64];
        Span<Vector256<uint>> schedule = stackalloc Vector256<uint>[64];
        for (var b = 0; b < maxBlocks; b++)
        {
            for (var lane = 0; lane < Lanes; lane++)
            {
                if (lane < count && b < blocksPerLane[lane])
                {
                    FillBlock(data.Slice(offsets[lane], lengths[lane]), b, (int)blocksPerLane[lane], block);
                    for (var t = 0; t < 16; t++)
                    {
                        words[(t * Lanes) + lane] = BinaryPrimitives.ReadUInt32BigEndian(block[(4 * t)..]);
                    }
                }
                else
                {
                    for (var t = 0; t < 16; t++)
                    {
                        words[(t * Lanes) + lane] = 0;
                    }
                }
            }

            for (var t = 0; t < 16; t++)
            {
                schedule[t] = Vector256.Create<uint>(words.Slice(t * Lanes, Lanes));
            }

            Compress(state, schedule, Vector256.GreaterThan(blocks, Vector256.Create((uint)b)));
        }

        Span<uint> lanes = stackalloc uint[Lanes];
        for (var i = 0; i < 8; i++)
        {
            state[i].CopyTo(lanes);
            for (var lane = 0; lane < count; lane++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(digests[((32 * lane) + (4 * i))..], lanes[lane]);
            }
        }
    }

    /// <summary>Block <paramref name="index"/> of the padded message: the bytes, then 0x80, zeros, and the bit length in the last eight bytes of the last block.</summary>
    private static void FillBlock(ReadOnlySpan<byte> message, int index, int blockCount, Span<byte> block)
    {
        var start = index * 64;
        var available = Math.Clamp(message.Length - start, 0, 64);
        if (available > 0)
        {
            message.Slice(start, available).CopyTo(block);
        }

        block[available..].Clear();
        if (available < 64 && message.Length >= start)
        {
            block[message.Length - start] = 0x80;
        }

        if (index == blockCount - 1)
        {
            BinaryPrimitives.WriteUInt64BigEndian(block[56..], (ulong)message.Length * 8);
        }
    }

    private static void Compress(Span<Vector256<uint>> state, Span<Vector256<uint>> w, Vector256<uint> active)
    {
        for (var t = 16; t < 64; t++)
        {
            var w15 = w[t - 15];
            var w2 = w[t - 2];
            var s0 = Rotr(w15, 7) ^ Rotr(w15, 18) ^ Vector256.ShiftRightLogical(w15, 3);
            var s1 = Rotr(w2, 17) ^ Rotr(w2, 19) ^ Vector256.ShiftRightLogical(w2, 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }

        var a = state[0];
        var b = state[1];
        var c = state[2];
        var d = state[3];
        var e = state[4];
        var f = state[5];
        var g = state[6];
        var h = state[7];
        var k = RoundConstants;
        for (var t = 0; t < 64; t++)
        {
            var sigma1 = Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25);
            var choose = Vector256.ConditionalSelect(e, f, g);
            var t1 = h + sigma1 + choose + Vector256.Create(k[t]) + w[t];
            var sigma0 = Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22);
            var majority = Vector256.ConditionalSelect(a ^ b, c, a);
            var t2 = sigma0 + majority;
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }

        state[0] = Vector256.ConditionalSelect(active, state[0] + a, state[0]);
        state[1] = Vector256.ConditionalSelect(active, state[1] + b, state[1]);
        state[2] = Vector256.ConditionalSelect(active, state[2] + c, state[2]);
        state[3] = Vector256.ConditionalSelect(active, state[3] + d, state[3]);
        state[4] = Vector256.ConditionalSelect(active, state[4] + e, state[4]);
        state[5] = Vector256.ConditionalSelect(active, state[5] + f, state[5]);
        state[6] = Vector256.ConditionalSelect(active, state[6] + g, state[6]);
        state[7] = Vector256.ConditionalSelect(active, state[7] + h, state[7]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Rotr(Vector256<uint> x, [ConstantExpected] int n) =>
        Vector256.ShiftRightLogical(x, n) | Vector256.ShiftLeft(x, 32 - n);
}
