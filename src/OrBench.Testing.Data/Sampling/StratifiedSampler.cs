namespace OrBench.Testing.Data;

/// <summary>
/// Seeded sampling stratified by category. Version 1 of the algorithm, which must not change silently because
/// gates and baselines are keyed to the prompts it picks:
/// <list type="number">
/// <item>Group the prompts by category (ordinal string).</item>
/// <item>Proportional allocation by largest remainder: category c of size N_c gets floor(n·N_c/N) prompts; the
/// prompts still missing go one each to the categories with the largest remainder (n·N_c mod N), ties broken by the
/// larger category, then by category name (ordinal). All arithmetic is exact integer arithmetic.</item>
/// <item>Inside each category, take the prompts with the smallest key SHA-256(<c>orbench-sample-v1:{seed}:{id}</c>)
/// (first 8 bytes, big-endian), ties broken by id (ordinal).</item>
/// <item>Return the chosen prompts in the order of the input set.</item>
/// </list>
/// Which prompts are chosen depends only on the ids, the categories, the seed and n, not on file order, OS,
/// culture or runtime.
/// </summary>
internal static class StratifiedSampler
{
    public static bool[] Choose(ReadOnlySpan<OrBenchPrompt> prompts, int count, int seed)
    {
        var total = prompts.Length;
        var chosen = new bool[total];
        if (count <= 0 || total == 0)
        {
            return chosen;
        }

        if (count >= total)
        {
            Array.Fill(chosen, true);
            return chosen;
        }

        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < prompts.Length; i++)
        {
            var category = prompts[i].Category.Value ?? string.Empty;
            if (!groups.TryGetValue(category, out var members))
            {
                members = [];
                groups.Add(category, members);
            }

            members.Add(i);
        }

        var strata = groups
            .Select(g => new Stratum(g.Key, g.Value, (int)((long)count * g.Value.Count / total), (long)count * g.Value.Count % total))
            .ToArray();
        var missing = count - strata.Sum(s => s.Quota);
        var byRemainder = strata
            .OrderByDescending(s => s.Remainder)
            .ThenByDescending(s => s.Members.Count)
            .ThenBy(s => s.Category, StringComparer.Ordinal)
            .Take(missing);
        foreach (var stratum in byRemainder)
        {
            stratum.Quota++;
        }

        foreach (var stratum in strata)
        {
            if (stratum.Quota == 0)
            {
                continue;
            }

            var keyed = new (ulong Key, string Id, int Index)[stratum.Members.Count];
            for (var j = 0; j < keyed.Length; j++)
            {
                var index = stratum.Members[j];
                var id = prompts[index].Id;
                keyed[j] = (SeededKeys.Sample(seed, id), id, index);
            }

            Array.Sort(keyed, static (a, b) =>
            {
                var byKey = a.Key.CompareTo(b.Key);
                if (byKey != 0)
                {
                    return byKey;
                }

                var byId = string.CompareOrdinal(a.Id, b.Id);
                return byId != 0 ? byId : a.Index.CompareTo(b.Index);
            });

            for (var j = 0; j < stratum.Quota; j++)
            {
                chosen[keyed[j].Index] = true;
            }
        }

        return chosen;
    }

    private sealed class Stratum(string category, List<int> members, int quota, long remainder)
    {
        public string Category { get; } = category;

        public List<int> Members { get; } = members;

        public int Quota { get; set; } = quota;

        public long Remainder { get; } = remainder;
    }
}
