namespace OrBench.Testing.Classification.Keywords;

/// <summary>
/// Openers grouped by their first character (folded when matching ignores case), so an opening is compared only
/// with the openers that can match it. Keeps the lists' order within a group, so the first listed match wins.
/// </summary>
internal sealed class OpenerIndex
{
    private static readonly string[] None = [];
    private readonly string[][] _ascii = new string[128][];
    private readonly Dictionary<char, string[]> _other = [];
    private readonly bool _ignoreCase;

    public OpenerIndex(IEnumerable<string> openers, bool ignoreCase)
    {
        _ignoreCase = ignoreCase;
        foreach (var group in openers.GroupBy(o => Fold(o[0])))
        {
            if (group.Key < 128)
            {
                _ascii[group.Key] = [.. group];
            }
            else
            {
                _other[group.Key] = [.. group];
            }
        }

        for (var i = 0; i < _ascii.Length; i++)
        {
            _ascii[i] ??= None;
        }
    }

    /// <summary>Returns the first opener <paramref name="opening"/> starts with, or null.</summary>
    public string? Find(ReadOnlySpan<char> opening, StringComparison comparison)
    {
        if (opening.IsEmpty)
        {
            return null;
        }

        var key = Fold(opening[0]);
        var candidates = key < 128 ? _ascii[key] : _other.GetValueOrDefault(key, None);
        foreach (var opener in candidates)
        {
            if (opening.StartsWith(opener, comparison))
            {
                return opener;
            }
        }

        return null;
    }

    private char Fold(char c) => _ignoreCase ? char.ToLowerInvariant(c) : c;
}
