using System.Security.Cryptography;
using System.Text;
using CsCheck;
using FluentAssertions;

namespace OrBench.Testing.Data.Tests;

/// <summary>The eight-lane SHA-256 behind prompt ids must equal the platform's SHA-256 byte for byte.</summary>
public class Sha256x8Tests
{
    /// <summary>Lengths around every padding decision: 55/56 bytes (length field fits or not), 63/64 (block full), two and three blocks.</summary>
    public static TheoryData<int> BoundaryLengths => [0, 1, 3, 54, 55, 56, 57, 63, 64, 65, 118, 119, 120, 127, 128, 129, 191, 192, 1000];

    [Theory]
    [MemberData(nameof(BoundaryLengths))]
    public void One_lane_equals_the_platform_sha256(int length)
    {
        var message = Enumerable.Range(0, length).Select(i => (byte)(i * 31 + 7)).ToArray();
        var digest = new byte[32];

        Sha256x8.Hash(message, [0], [length], digest);

        digest.Should().Equal(SHA256.HashData(message), "length {0} must pad like FIPS 180-4", length);
    }

    [Fact]
    public void Known_answer_for_abc() =>
        HashOne("abc"u8.ToArray()).Should().Equal(Convert.FromHexString("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));

    [Fact]
    public void Eight_messages_of_different_block_counts_each_get_their_own_digest() =>
        Gen.Byte.Array[0, 300].Array[1, 8].Sample(messages =>
        {
            var data = messages.SelectMany(m => m).ToArray();
            var offsets = new int[messages.Length];
            for (var i = 1; i < messages.Length; i++)
            {
                offsets[i] = offsets[i - 1] + messages[i - 1].Length;
            }

            var digests = new byte[32 * messages.Length];
            Sha256x8.Hash(data, offsets, messages.Select(m => m.Length).ToArray(), digests);

            for (var i = 0; i < messages.Length; i++)
            {
                digests.AsSpan(32 * i, 32).ToArray().Should().Equal(SHA256.HashData(messages[i]), "lane {0} of {1}", i, messages.Length);
            }
        }, iter: 300);

    [Fact]
    public void More_than_eight_messages_are_refused()
    {
        var act = () => Sha256x8.Hash(new byte[9], new int[9], new int[9], new byte[32 * 9]);

        act.Should().Throw<ArgumentException>().WithMessage("*eight*");
    }

    [Fact]
    public void Batch_ids_equal_one_by_one_ids_for_any_text() =>
        Gen.String[Gen.Char.Select(c => c % 7 == 0 ? ' ' : c % 11 == 0 ? '\n' : c), 0, 400].Array[0, 40].Sample(texts =>
        {
            var ids = new string?[texts.Length];

            PromptIds.TryDeriveMany(texts, "t-", ids);

            ids.Should().Equal(texts.Select(t => PromptIds.TryDerive(t, "t-")));
        }, iter: 200);

    [Fact]
    public void Batch_ids_handle_long_and_empty_texts_between_short_ones()
    {
        string[] texts = ["a", new string('x', 5000), "  ", "b c", new string('é', 3000), "\u00A0", "d"];
        var ids = new string?[texts.Length];

        PromptIds.TryDeriveMany(texts, "t-", ids);

        ids.Should().Equal(texts.Select(t => PromptIds.TryDerive(t, "t-")));
        ids[2].Should().BeNull("white space only has no id");
        ids[0].Should().Be("t-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("a")))[..12]);
    }

    private static byte[] HashOne(byte[] message)
    {
        var digest = new byte[32];
        Sha256x8.Hash(message, [0], [message.Length], digest);
        return digest;
    }
}
