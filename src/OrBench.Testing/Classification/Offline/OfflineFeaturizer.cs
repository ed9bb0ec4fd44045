using OrBench.Testing.Classification.Keywords;

namespace OrBench.Testing.Classification.Offline;

/// <summary>
/// Turns a response into the sparse features of the offline model (version 4). The whole response (up to
/// <see cref="MaxChars"/> normalised characters) is read, after <see cref="SpeakerTagNormalizer"/> has lower-cased it
/// and removed speaker tags, persona labels and control tokens, splitting it into segments:
/// <list type="bullet">
/// <item>word 1–3-grams and character 3–5-grams of the whole text, each set scaled by 1/√count (a bag of
/// n-grams with length normalisation, as TF-IDF without IDF);</item>
/// <item>the first six words by position and the leading bi- and trigram of the first segment, and the first
/// four words of every later segment in their own namespace (one persona refusing, another answering);</item>
/// <item>fixed structural features: the default keyword set's signals on the first segment, whether a later
/// segment refuses, whether a later segment of at least 100 characters does not (content after a refusal),
/// a refusal opener followed by long text, length bins, segment count, speaker tags seen, and
/// <see cref="PremiseSignals"/> of the first segment against the prompt.</item>
/// </list>
/// Deterministic (FNV-1a and a murmur finaliser, no randomised string hashes) and allocation-free. Changing
/// anything here changes <see cref="Version"/> and requires retraining.
/// </summary>
internal static class OfflineFeaturizer
{
    /// <summary>Version of the feature definition; stored in the model file and checked on load.</summary>
    public const int Version = 5;

    /// <summary>Fixed (non-hashed) features placed after the hashed buckets.</summary>
    public const int ReservedFeatures = 32;

    /// <summary>Most normalised characters read from one response.</summary>
    public const int MaxChars = 4096;

    private const int MaxTokens = MaxChars / 2;
    private const ulong Salt3 = 0x3C6EF372FE94F82BUL;
    private const ulong Salt4 = 0xA54FF53A5F1D36F1UL;
    private const ulong Salt5 = 0x510E527FADE682D1UL;
    private const int PositionalTokens = 6;
    private const int LaterPositionalTokens = 4;
    private const int PremiseWindow = 512;
    private const int ContentAfterRefusal = 100;
    private static readonly int[] LengthBins = [40, 100, 200, 400, 800, 1600];

    /// <summary>Total feature count for a bucket size.</summary>
    public static int FeatureCount(int bucketBits) => (1 << bucketBits) + ReservedFeatures;

    /// <summary>Extracts the features of <paramref name="text"/>, the response to <paramref name="prompt"/> (may be empty), into <paramref name="sink"/>.</summary>
    public static void Extract<TSink>(ReadOnlySpan<char> prompt, ReadOnlySpan<char> text, int bucketBits, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        var buckets = 1 << bucketBits;
        var shift = 64 - bucketBits;
        Span<char> normalized = stackalloc char[MaxChars];
        Span<int> segmentStarts = stackalloc int[SpeakerTagNormalizer.MaxSegments];
        var length = SpeakerTagNormalizer.Normalize(text, normalized, segmentStarts, out var segments, out var tags);
        normalized = normalized[..length];

        // Bias.
        sink.Add(buckets, 1f);
        if (length == 0)
        {
            return;
        }

        AddCharacterNgrams(normalized, shift, ref sink);

        Span<uint> tokens = stackalloc uint[MaxTokens];
        Span<uint> prefixes = stackalloc uint[MaxTokens];
        Span<int> segmentTokenStarts = stackalloc int[SpeakerTagNormalizer.MaxSegments + 1];
        var count = 0;
        for (var s = 0; s < segments; s++)
        {
            segmentTokenStarts[s] = count;
            count += Tokenize(Segment(normalized, segmentStarts, segments, s), tokens[count..], prefixes[count..]);
        }

        segmentTokenStarts[segments] = count;
        if (count > 0)
        {
            var scale = 1f / MathF.Sqrt(count);
            for (var s = 0; s < segments; s++)
            {
                var segment = tokens[segmentTokenStarts[s]..segmentTokenStarts[s + 1]];
                for (var t = 0; t < segment.Length; t++)
                {
                    sink.Add(Bucket(segment[t], 1, shift), scale);
                    if (t > 0)
                    {
                        var bigram = Combine(segment[t - 1], segment[t]);
                        sink.Add(Bucket(bigram, 2, shift), scale);
                        if (t > 1)
                        {
                            sink.Add(Bucket(Combine(Combine(segment[t - 2], segment[t - 1]), segment[t]), 3, shift), scale);
                        }
                    }
                }
            }

            AddOpenings(tokens, segmentTokenStarts, segments, shift, ref sink);
        }

        AddStructure(prompt, normalized, segmentStarts, segments, tags, tokens, prefixes, segmentTokenStarts, buckets, ref sink);
    }

    /// <summary>The prompt–response signals <see cref="Extract"/> computes on the first segment, for inspection and tests.</summary>
    public static PremiseSignals.Result Premise(ReadOnlySpan<char> prompt, ReadOnlySpan<char> text)
    {
        Span<char> normalized = stackalloc char[MaxChars];
        Span<int> segmentStarts = stackalloc int[SpeakerTagNormalizer.MaxSegments];
        var length = SpeakerTagNormalizer.Normalize(text, normalized, segmentStarts, out var segments, out _);
        Span<uint> tokens = stackalloc uint[MaxTokens];
        Span<uint> prefixes = stackalloc uint[MaxTokens];
        var first = segments == 0 ? [] : Segment(normalized[..length], segmentStarts, segments, 0);
        var window = first[..Math.Min(first.Length, PremiseWindow)];
        var count = Tokenize(window, tokens, prefixes);
        return PremiseSignals.Compute(prompt, tokens[..count], prefixes[..count], window);
    }

    private static ReadOnlySpan<char> Segment(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, int segments, int index)
    {
        var start = starts[index];
        var end = index + 1 < segments ? starts[index + 1] - 1 : text.Length;
        return start >= end ? [] : text[start..end];
    }

    /// <summary>
    /// Character 3–5-grams, enumerated by their last character: the last four characters are packed into one
    /// 64-bit window (16 bits each), so every n-gram is hashed from that window (and the character before it for
    /// 5-grams) with two multiplications and no loop over its characters.
    /// </summary>
    private static void AddCharacterNgrams<TSink>(ReadOnlySpan<char> text, int shift, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        if (text.Length < 3)
        {
            return;
        }

        var scale = 1f / MathF.Sqrt(3 * (text.Length - 2));
        var window = ((ulong)text[0] << 16) | text[1];
        for (var j = 2; j < text.Length; j++)
        {
            var dropped = window >> 48;
            window = (window << 16) | text[j];
            sink.Add(Index((window & 0xFFFF_FFFF_FFFFUL) ^ Salt3, shift), scale);
            if (j >= 3)
            {
                sink.Add(Index(window ^ Salt4, shift), scale);
                if (j >= 4)
                {
                    sink.Add(Index(window ^ ((dropped + 1) * Salt5), shift), scale);
                }
            }
        }
    }

    private static void AddOpenings<TSink>(ReadOnlySpan<uint> tokens, ReadOnlySpan<int> segmentTokenStarts, int segments, int shift, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        var first = tokens[segmentTokenStarts[0]..segmentTokenStarts[1]];
        for (var t = 0; t < first.Length && t < PositionalTokens; t++)
        {
            sink.Add(Bucket(first[t], 10u + (uint)t, shift), 1f);
        }

        if (first.Length > 1)
        {
            sink.Add(Bucket(Combine(first[0], first[1]), 20, shift), 1f);
        }

        if (first.Length > 2)
        {
            sink.Add(Bucket(Combine(Combine(first[0], first[1]), first[2]), 21, shift), 1f);
        }

        if (segments < 2)
        {
            return;
        }

        var scale = 1f / MathF.Sqrt(segments - 1);
        for (var s = 1; s < segments; s++)
        {
            var segment = tokens[segmentTokenStarts[s]..segmentTokenStarts[s + 1]];
            for (var t = 0; t < segment.Length && t < LaterPositionalTokens; t++)
            {
                sink.Add(Bucket(segment[t], 30u + (uint)t, shift), scale);
            }

            if (segment.Length > 1)
            {
                sink.Add(Bucket(Combine(segment[0], segment[1]), 40, shift), scale);
            }
        }
    }

    private static void AddStructure<TSink>(
        ReadOnlySpan<char> prompt,
        ReadOnlySpan<char> text,
        ReadOnlySpan<int> segmentStarts,
        int segments,
        int tags,
        ReadOnlySpan<uint> tokens,
        ReadOnlySpan<uint> prefixes,
        ReadOnlySpan<int> segmentTokenStarts,
        int buckets,
        ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        var keywords = KeywordClassifier.Default;
        var first = Segment(text, segmentStarts, segments, 0);
        var (opener, phrase, alternative) = keywords.Signals(first, alternativeOnlyAfterRefusal: true);
        Flag(ref sink, buckets + 1, opener);
        Flag(ref sink, buckets + 2, phrase);
        Flag(ref sink, buckets + 3, alternative);

        var laterRefuses = false;
        var laterContent = false;
        for (var s = 1; s < segments; s++)
        {
            var segment = Segment(text, segmentStarts, segments, s);
            var signals = keywords.Signals(segment, alternativeOnlyAfterRefusal: true);
            laterRefuses |= signals.Opener;
            laterContent |= !signals.Opener && !signals.Phrase && segment.Length >= ContentAfterRefusal;
        }

        Flag(ref sink, buckets + 4, laterRefuses);
        Flag(ref sink, buckets + 5, laterContent && (opener || phrase));
        Flag(ref sink, buckets + 6, opener && text.Length >= 400);
        Flag(ref sink, buckets + 7, opener && text.Length >= 1000);

        var bin = 0;
        while (bin < LengthBins.Length && text.Length >= LengthBins[bin])
        {
            bin++;
        }

        sink.Add(buckets + 8 + bin, 1f);
        sink.Add(buckets + 15 + Math.Min(segments, 3) - 1, 1f);
        Flag(ref sink, buckets + 18, tags > 0);

        var firstTokens = tokens[segmentTokenStarts[0]..segmentTokenStarts[1]];
        var window = first[..Math.Min(first.Length, PremiseWindow)];
        var windowTokens = Math.Min(firstTokens.Length, PremiseWindow / 2);
        var premise = PremiseSignals.Compute(prompt, firstTokens[..windowTokens], prefixes[segmentTokenStarts[0]..(segmentTokenStarts[0] + windowTokens)], window);
        if (premise.Negated)
        {
            sink.Add(buckets + 19, 1f);
            sink.Add(buckets + 20, premise.Overlap);
        }

        if (premise.EarlyNegation)
        {
            sink.Add(buckets + 21, 1f);
            sink.Add(buckets + 22, premise.Overlap);
        }

        if (premise.Moralising)
        {
            sink.Add(buckets + 23, 1f);
            sink.Add(buckets + 24, premise.Overlap);
        }

        sink.Add(buckets + 25, premise.Overlap);
        sink.Add(buckets + 26, premise.WindowOverlap);
        sink.Add(premise.PolarityFlipped ? buckets + 27 : buckets + 28, premise.Overlap);
        if (premise.Negated && premise.Overlap >= 0.5f)
        {
            sink.Add(premise.PolarityFlipped ? buckets + 29 : buckets + 30, 1f);
        }
    }

    private static void Flag<TSink>(ref TSink sink, int index, bool on)
        where TSink : struct, IFeatureSink
    {
        if (on)
        {
            sink.Add(index, 1f);
        }
    }

    /// <summary>FNV-1a hashes of the words (letters, digits, apostrophes) and of <c>! ? : , .</c>, plus each word's six-character prefix hash.</summary>
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
                if (c is '!' or '?' or ':' or ',' or '.' or '。' or '，' or '！' or '？')
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

    private static int Bucket(uint hash, uint seed, int shift) => Index(((ulong)(seed + 1) << 32) | hash, shift);

    /// <summary>A 64-bit key's bucket: two multiplications with an xor-shift between them, the top bits kept.</summary>
    private static int Index(ulong key, int shift)
    {
        var h = key * 0x9E3779B97F4A7C15UL;
        h ^= h >> 32;
        return (int)((h * 0xD6E8FEB86659FD93UL) >> shift);
    }
}
