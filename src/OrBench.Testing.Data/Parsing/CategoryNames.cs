using System.Text;

namespace OrBench.Testing.Data;

/// <summary>
/// Reuses one string per distinct category while a file is read: OR-Bench files repeat about ten category names over
/// 80,000 rows, and a fresh string per row is garbage the collector has to promote. Unlimited distinct names still
/// work; past <see cref="MaxCached"/> they are simply not cached.
/// </summary>
internal sealed class CategoryNames
{
    private const int MaxCached = 64;

    private readonly List<(byte[] Utf8, string Name)> _cache = [];

    /// <summary>The category name for the UTF-8 bytes of an (unescaped) field.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        foreach (var (bytes, name) in _cache)
        {
            if (utf8.SequenceEqual(bytes))
            {
                return name;
            }
        }

        var value = Encoding.UTF8.GetString(utf8);
        if (_cache.Count < MaxCached)
        {
            _cache.Add((utf8.ToArray(), value));
        }

        return value;
    }
}
