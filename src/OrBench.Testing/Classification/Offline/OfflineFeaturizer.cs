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
    public const int Version = 3;

    /// <summary>Fixed (non-hashed) features placed after the hashed buckets.</summary>
    public const int ReservedFeatures = 16;

    private const int MaxWindow = 2048;
    private const int PositionalTokens = 6;

    /// <summary>Total feature count for a bucket size.</summary>
    public static int FeatureCount(int bucketBits) => (1 << bucketBits) + ReservedFeatures;

    /// <summary>Extracts the features of <paramref name="text"/>, the response to <paramref name="prompt"/> (may be empty), into <paramref name="sink"/>.</summary>
    public static void Extract<TSink>(ReadOnlySpan<char> prompt, ReadOnlySpan<char> text, int bucketBits, int window, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        var buckets = 1 << bucketBits;
        var mask = buckets - 1;
        window = Math.Clamp(window, 16, MaxWindow);

        Span<char> lowered = stackalloc char[window];
        var length = LowerWindow(text, lowered);

        Span<uint> tokens = stackalloc uint[(window / 2) + 1];
        Span<uint> prefixes = stackalloc uint[tokens.Length];
        var count = Tokenize(lowered[..length], tokens, prefixes);
        tokens = tokens[..count];
        prefixes = prefixes[..count];

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

        var premise = PremiseSignals.Compute(prompt, tokens, prefixes, lowered[..length]);
        if (premise.Negated)
        {
            sink.Add(buckets + 4, 1f);
            sink.Add(buckets + 6, premise.Overlap);
        }

        if (premise.EarlyNegation)
        {
            sink.Add(buckets + 5, 1f);
            sink.Add(buckets + 7, premise.Overlap);
        }

        if (premise.Moralising)
        {
            sink.Add(buckets + 8, 1f);
            sink.Add(buckets + 9, premise.Overlap);
        }

        sink.Add(buckets + 10, premise.Overlap);
        sink.Add(buckets + 11, premise.WindowOverlap);
        sink.Add(premise.PolarityFlipped ? buckets + 12 : buckets + 13, premise.Overlap);
        if (premise.Negated && premise.Overlap >= 0.5f)
        {
            sink.Add(premise.PolarityFlipped ? buckets + 14 : buckets + 15, 1f);
        }
    }

    /// <summary>The prompt–response signals <see cref="Extract"/> computes, for inspection and tests.</summary>
    public static PremiseSignals.Result Premise(ReadOnlySpan<char> prompt, ReadOnlySpan<char> text, int window)
    {
        window = Math.Clamp(window, 16, MaxWindow);
        Span<char> lowered = stackalloc char[window];
        var length = LowerWindow(text, lowered);

        Span<uint> tokens = stackalloc uint[(window / 2) + 1];
        Span<uint> prefixes = stackalloc uint[tokens.Length];
        var count = Tokenize(lowered[..length], tokens, prefixes);
        return PremiseSignals.Compute(prompt, tokens[..count], prefixes[..count], lowered[..length]);
    }

    /// <summary>Writes the start of the response, past markdown and quotes, lower-cased with apostrophes normalised, into <paramref name="lowered"/>; returns its length.</summary>
    private static int LowerWindow(ReadOnlySpan<char> text, Span<char> lowered)
    {
        var body = ResponseText.SkipDecoration(text);
        var length = Math.Min(lowered.Length, body.Length);
        for (var i = 0; i < length; i++)
        {
            var c = ResponseText.NormalizeApostrophe(body[i]);
            lowered[i] = c < 128 ? (char)(c is >= 'A' and <= 'Z' ? c | 0x20 : c) : char.ToLowerInvariant(c);
        }

        return length;
    }

    private static int Tokenize(ReadOnlySpan<char> text, Span<uint> tokens, Span<uint> prefixes)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length && count < tokens.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                var hash = 2166136261u;
                var prefix = hash;
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '\''))
                {
                    hash = (hash ^ text[i]) * 16777619u;
                    i++;
                    if (i - start == PremiseSignals.PrefixLength)
                    {
                        prefix = hash;
                    }
                }

                prefixes[count] = i - start < PremiseSignals.PrefixLength ? hash : prefix;
                tokens[count++] = hash;
            }
            else
            {
                if (c is '!' or '?' or ':' or ',' or '.')
                {
                    prefixes[count] = tokens[count] = (2166136261u ^ c) * 16777619u;
                    count++;
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
