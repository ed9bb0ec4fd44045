namespace OrBench.Testing.Classification.Offline;

/// <summary>The features of one training example: distinct indices in ascending order with their summed values.</summary>
internal sealed class SparseRow
{
    private SparseRow(int[] indices, float[] values)
    {
        Indices = indices;
        Values = values;
    }

    /// <summary>Feature indices, ascending, distinct.</summary>
    public int[] Indices { get; }

    /// <summary>Values, parallel to <see cref="Indices"/>.</summary>
    public float[] Values { get; }

    /// <summary>Merges duplicate indices (summing in insertion order, so the result is deterministic).</summary>
    public static SparseRow From(List<(int Index, float Value)> pairs)
    {
        var sorted = pairs.ToArray();

        // Stable sort by index keeps insertion order among duplicates, so sums are reproducible.
        var order = new int[sorted.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => sorted[a].Index != sorted[b].Index ? sorted[a].Index.CompareTo(sorted[b].Index) : a.CompareTo(b));
        var indices = new List<int>(order.Length);
        var values = new List<float>(order.Length);
        foreach (var o in order)
        {
            var (index, value) = sorted[o];
            if (indices.Count > 0 && indices[^1] == index)
            {
                values[^1] += value;
            }
            else
            {
                indices.Add(index);
                values.Add(value);
            }
        }

        return new SparseRow([.. indices], [.. values]);
    }
}
