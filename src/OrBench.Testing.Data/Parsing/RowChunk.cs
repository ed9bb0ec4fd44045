namespace OrBench.Testing.Data;

/// <summary>
/// A fixed-size run of parsed rows and their ids. Whoever claims the chunk first, a thread-pool work item started when
/// the chunk filled or the thread that builds the set, derives its ids; the builder waits only for chunks another
/// thread is still working on, so a busy or single-core pool never stalls a load.
/// </summary>
internal sealed class RowChunk(int capacity)
{
    private int _claimed;
    private Task? _background;

    public string[] Texts { get; } = new string[capacity];

    public (string Category, int Line)[] Rows { get; } = new (string, int)[capacity];

    /// <summary>The id of each row, or null where the text is empty after normalisation.</summary>
    public string?[] Ids { get; } = new string?[capacity];

    public int Count { get; private set; }

    public bool IsFull => Count == Texts.Length;

    public void Add(string text, string category, int line)
    {
        Texts[Count] = text;
        Rows[Count++] = (category, line);
    }

    /// <summary>Queues the id derivation; called once the chunk is full and no longer written to.</summary>
    public void DeriveIdsInBackground(string prefix) =>
        _background = Task.Run(() => DeriveIdsUnlessStarted(prefix));

    /// <summary>Derives the ids on this thread unless another thread has claimed the chunk already.</summary>
    public void DeriveIdsUnlessStarted(string prefix)
    {
        if (Interlocked.Exchange(ref _claimed, 1) != 0)
        {
            return;
        }

        PromptIds.TryDeriveMany(Texts.AsSpan(0, Count), prefix, Ids);
    }

    /// <summary>Blocks until a background derivation that claimed this chunk has finished (it never throws).</summary>
    public void WaitForIds() => _background?.GetAwaiter().GetResult();
}
