namespace OrBench.Testing.Results;

/// <summary>The one order of records everywhere (files, snapshots, reports): id (ordinal), then repeat.</summary>
internal sealed class RecordOrder : IComparer<PromptRecord>
{
    public static RecordOrder Instance { get; } = new();

    public int Compare(PromptRecord? x, PromptRecord? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var byId = string.CompareOrdinal(x.Id, y.Id);
        return byId != 0 ? byId : x.Repeat.CompareTo(y.Repeat);
    }
}
