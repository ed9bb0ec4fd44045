namespace OrBench.Testing.Generation.Dedup;

/// <summary>
/// Keeps the first of every group of exact or near-duplicate texts, in input order. Near-duplicates are found with
/// token-set Jaccard similarity and prefix filtering (tokens ordered rarest first; two sets with Jaccard ≥ t must
/// share a token within their first |x| − ⌈t·|x|⌉ + 1 tokens), which is exact and avoids comparing every pair.
/// </summary>
internal static class DuplicateFilter
{
    /// <summary>One decision per input text, in input order.</summary>
    /// <param name="texts">The texts, earliest (preferred) first.</param>
    /// <param name="nearThreshold">The Jaccard threshold; null checks exact duplicates only.</param>
    public static DuplicateDecision[] Classify(IReadOnlyList<string> texts, double? nearThreshold)
    {
        var decisions = new DuplicateDecision[texts.Count];
        var tokenSets = new string[texts.Count][];
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            tokenSets[i] = TextNormalizer.Tokens(texts[i]);
            foreach (var token in tokenSets[i])
            {
                frequency[token] = frequency.GetValueOrDefault(token) + 1;
            }
        }

        // Rarest first, ties ordinal: deterministic and makes prefixes selective.
        int Compare(string a, string b)
        {
            var byCount = frequency[a].CompareTo(frequency[b]);
            return byCount != 0 ? byCount : string.CompareOrdinal(a, b);
        }

        var exact = new Dictionary<string, int>(StringComparer.Ordinal);
        var prefixIndex = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            var tokens = tokenSets[i];
            if (tokens.Length == 0)
            {
                decisions[i] = new DuplicateDecision(DuplicateKind.Empty, null, 0);
                continue;
            }

            var key = TextNormalizer.ExactKey(texts[i]);
            if (exact.TryGetValue(key, out var original))
            {
                decisions[i] = new DuplicateDecision(DuplicateKind.Exact, original, 1);
                continue;
            }

            var ordered = (string[])tokens.Clone();
            Array.Sort(ordered, Compare);
            if (nearThreshold is { } t)
            {
                // The epsilon keeps float error (0.3 * 10 = 3.0000000000000004) from shortening the prefix below what is safe.
                var prefixLength = Math.Min(ordered.Length, ordered.Length - (int)Math.Ceiling((t * ordered.Length) - 1e-9) + 1);
                var checkedCandidates = new HashSet<int>();
                DuplicateDecision? near = null;
                // Every prefix token is probed (not only up to the first hit), so the reason names the earliest kept text.
                for (var p = 0; p < prefixLength; p++)
                {
                    if (!prefixIndex.TryGetValue(ordered[p], out var candidates))
                    {
                        continue;
                    }

                    foreach (var candidate in candidates)
                    {
                        if (!checkedCandidates.Add(candidate))
                        {
                            continue;
                        }

                        var similarity = Jaccard(tokens, tokenSets[candidate]);
                        if (similarity >= t && (near is null || candidate < near.Original))
                        {
                            near = new DuplicateDecision(DuplicateKind.Near, candidate, similarity);
                        }
                    }
                }

                if (near is not null)
                {
                    decisions[i] = near;
                    continue;
                }

                for (var p = 0; p < prefixLength; p++)
                {
                    if (!prefixIndex.TryGetValue(ordered[p], out var list))
                    {
                        prefixIndex[ordered[p]] = list = [];
                    }

                    list.Add(i);
                }
            }

            exact[key] = i;
            decisions[i] = new DuplicateDecision(DuplicateKind.None, null, 0);
        }

        return decisions;
    }

    /// <summary>Jaccard similarity of two ordinally sorted, distinct token arrays.</summary>
    public static double Jaccard(string[] a, string[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            var c = string.CompareOrdinal(a[i], b[j]);
            if (c == 0)
            {
                shared++;
                i++;
                j++;
            }
            else if (c < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        var union = a.Length + b.Length - shared;
        return union == 0 ? 0 : shared / (double)union;
    }
}

/// <summary>The duplicate decision for one text.</summary>
/// <param name="Kind">Kept, or which kind of duplicate.</param>
/// <param name="Original">Index of the earlier text it duplicates.</param>
/// <param name="Similarity">The Jaccard similarity to <paramref name="Original"/> (1 for exact duplicates).</param>
internal sealed record DuplicateDecision(DuplicateKind Kind, int? Original, double Similarity);
