namespace OrBench.Testing.Data;

/// <summary>
/// Turns parsed rows into prompts: validates text and category, derives ids, and catches duplicates. Rows arrive in
/// chunks; each full chunk's ids (one SHA-256 per prompt, the main CPU cost of loading OR-Bench-80K) are derived on
/// the thread pool while the reader goes on parsing, and <see cref="Build"/> derives whatever is left on the calling
/// thread. Validation and duplicate checks then run in file order, so the first error reported is always the
/// earliest line, whatever the timing.
/// </summary>
internal sealed class PromptSetBuilder(
    string filePath,
    OrBenchSubset subset,
    ExpectedBehavior expected,
    string idPrefix,
    DuplicatePromptHandling duplicates)
{
    /// <summary>Rows per chunk: small enough to stay off the large-object heap, large enough to amortise a work item.</summary>
    private const int ChunkSize = 2048;

    private readonly List<RowChunk> _chunks = [];
    private int _count;

    public void Add(string text, string category, int line)
    {
        if (_chunks.Count == 0 || _chunks[^1].IsFull)
        {
            if (_chunks.Count > 0)
            {
                _chunks[^1].DeriveIdsInBackground(idPrefix);
            }

            _chunks.Add(new RowChunk(ChunkSize));
        }

        _chunks[^1].Add(text, category, line);
        _count++;
    }

    /// <summary>The rows added so far, duplicates included: the source file's row count of this set.</summary>
    public int RowCount => _count;

    public IReadOnlyList<OrBenchPrompt> Build()
    {
        if (_count == 0)
        {
            throw new PromptFileFormatException(filePath, null, PromptFileProblem.NoPrompts, "the file holds no prompts.");
        }

        foreach (var chunk in _chunks)
        {
            chunk.DeriveIdsUnlessStarted(idPrefix);
        }

        var seen = new Dictionary<string, (int Chunk, int Row)>(_count, StringComparer.Ordinal);
        var prompts = new List<OrBenchPrompt>(_count);
        for (var c = 0; c < _chunks.Count; c++)
        {
            var chunk = _chunks[c];
            chunk.WaitForIds();
            for (var i = 0; i < chunk.Count; i++)
            {
                var text = chunk.Texts[i];
                var (category, line) = chunk.Rows[i];
                if (chunk.Ids[i] is not { } id)
                {
                    throw new PromptFileFormatException(filePath, line, "prompt", PromptFileProblem.EmptyPrompt, "empty prompt: the prompt is empty or only white space.");
                }

                if (string.IsNullOrWhiteSpace(category))
                {
                    throw new PromptFileFormatException(filePath, line, "category", PromptFileProblem.EmptyCategory, "empty category: every prompt needs a category (any non-empty text).");
                }

                if (!seen.TryAdd(id, (c, i)))
                {
                    var (firstChunk, firstRow) = seen[id];
                    var firstText = _chunks[firstChunk].Texts[firstRow];
                    var firstLine = _chunks[firstChunk].Rows[firstRow].Line;
                    var sameText = string.Equals(PromptIds.Normalize(firstText), PromptIds.Normalize(text), StringComparison.Ordinal);
                    if (sameText && duplicates == DuplicatePromptHandling.KeepFirst)
                    {
                        continue;
                    }

                    throw new DuplicatePromptIdException(filePath, id, firstLine, line, sameText);
                }

                prompts.Add(new OrBenchPrompt(id, text, new OrBenchCategory(category), subset, expected));
            }
        }

        return prompts;
    }
}
