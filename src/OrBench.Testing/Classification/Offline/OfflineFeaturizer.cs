using OrBench.Testing.Classification.Keywords;
using OrBench.Testing.Classification.Text;

namespace OrBench.Testing.Classification.Offline;

/// <summary>
/// Turns a response into the sparse features of the offline model: hashed word uni- and bigrams of the
/// opening window (length-normalised), the first words by position, the leading bi- and trigram, the signals
/// of the default keyword set. Deterministic (FNV-1a hashing, no randomised string hashes)
/// and allocation-free. Changing anything here changes <see cref="Version"/> and requires retraining.
/// </summary>
internal static class OfflineFeaturizer
{
    /// <summary>Version of the feature definition; stored in the model file and checked on load.</summary>
    public const int Version = 2;

    /// <summary>Fixed (non-hashed) features placed after the hashed buckets.</summary>
    public const int ReservedFeatures = 16;

    private const int MaxWindow = 2048;
    private const int PositionalTokens = 6;

    /// <summary>Total feature count for a bucket size.</summary>
    public static int FeatureCount(int bucketBits) => (1 << bucketBits) + ReservedFeatures;

    /// <summary>Extracts the features of <paramref name="text"/> into <paramref name="sink"/>.</summary>
    public static void Extract<TSink>(ReadOnlySpan<char> text, int bucketBits, int window, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        var buckets = 1 << bucketBits;
        var mask = buckets - 1;
        window = Math.Clamp(window, 16, MaxWindow);

        var body = ResponseText.SkipDecoration(text);
        Span<char> lowered = stackalloc char[window];
        var length = Math.Min(window, body.Length);
        for (var i = 0; i < length; i++)
        {
            var c = ResponseText.NormalizeApostrophe(body[i]);
            lowered[i] = c < 128 ? (char)(c is >= 'A' and <= 'Z' ? c | 0x20 : c) : char.ToLowerInvariant(c);
        }

        Span<uint> tokens = stackalloc uint[(window / 2) + 1];
        var count = Tokenize(lowered[..length], tokens);
        tokens = tokens[..count];

        // Bias.
        sink.Add(buckets, 1f);
        if (count > 0)
        {
            var scale = 1f / MathF.Sqrt(count);
            for (var t = 0; t < count; t++)
            {
                sink.Add(Bucket(tokens[t], 1, mask), scale);
                if (t > 0)
                {
                    sink.Add(Bucket(Combine(tokens[t - 1], tokens[t]), 2, mask), scale);
                }

                if (t < PositionalTokens)
                {
                    sink.Add(Bucket(tokens[t], 10u + (uint)t, mask), 1f);
                }
            }

            if (count > 1)
            {
                sink.Add(Bucket(Combine(tokens[0], tokens[1]), 20, mask), 1f);
            }

            if (count > 2)
            {
                sink.Add(Bucket(Combine(Combine(tokens[0], tokens[1]), tokens[2]), 21, mask), 1f);
            }
        }

        var (opener, phrase, alternative) = KeywordClassifier.Default.Signals(text);
        if (opener)
        {
            sink.Add(buckets + 1, 1f);
        }

        if (phrase)
        {
            sink.Add(buckets + 2, 1f);
        }

        if (alternative)
        {
            sink.Add(buckets + 3, 1f);
        }
    }

    private static int Tokenize(ReadOnlySpan<char> text, Span<uint> tokens)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length && count < tokens.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                var hash = 2166136261u;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '\''))
                {
                    hash = (hash ^ text[i]) * 16777619u;
                    i++;
                }

                tokens[count++] = hash;
            }
            else
            {
                if (c is '!' or '?' or ':' or ',' or '.')
                {
                    tokens[count++] = (2166136261u ^ c) * 16777619u;
                }

                i++;
            }
        }

        return count;
    }

    private static uint Combine(uint first, uint second) => (first * 0x9E3779B1u) ^ (second + 0x7F4A7C15u + (first << 6) + (first >> 2));

    private static int Bucket(uint hash, uint seed, int mask)
    {
        var h = hash ^ (seed * 0x85EBCA6Bu);
        h ^= h >> 16;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        h *= 0xC2B2AE35u;
        h ^= h >> 16;
        return (int)(h & (uint)mask);
    }
}
