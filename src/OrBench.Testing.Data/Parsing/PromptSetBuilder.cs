using System.Collections.Concurrent;

namespace OrBench.Testing.Data;

/// <summary>
/// Turns parsed rows into prompts: validates text and category, derives ids, and catches duplicates. Rows are
/// collected first; ids (one SHA-256 each, the main cost of loading OR-Bench-80K) are then derived in parallel,
/// and validation and duplicate checks run in file order, so the first error reported is always the earliest line.
/// </summary>
internal sealed class PromptSetBuilder(
    string filePath,
    OrBenchSubset subset,
    ExpectedBehavior expected,
    string idPrefix,
    DuplicatePromptHandling duplicates)
{
    private const int ParallelThreshold = 4096;

    private readonly List<(string Text, string Category, int Line)> _rows = [];

    public void Add(string text, string category, int line) => _rows.Add((text, category, line));

    public IReadOnlyList<OrBenchPrompt> Build()
    {
        if (_rows.Count == 0)
        {
            throw new PromptFileFormatException(filePath, null, PromptFileProblem.NoPrompts, "the file holds no prompts.");
        }

        var normalized = new string[_rows.Count];
        var ids = new string?[_rows.Count];
        if (_rows.Count < ParallelThreshold)
        {
            DeriveIds(0, _rows.Count, normalized, ids);
        }
        else
        {
            Parallel.ForEach(Partitioner.Create(0, _rows.Count, 2048), range => DeriveIds(range.Item1, range.Item2, normalized, ids));
        }

        var seen = new Dictionary<string, int>(_rows.Count, StringComparer.Ordinal);
        var prompts = new List<OrBenchPrompt>(_rows.Count);
        for (var i = 0; i < _rows.Count; i++)
        {
            var (text, category, line) = _rows[i];
            if (ids[i] is not { } id)
            {
                throw new PromptFileFormatException(filePath, line, PromptFileProblem.EmptyPrompt, "empty prompt: the prompt is empty or only white space.");
            }

            if (string.IsNullOrWhiteSpace(category))
            {
                throw new PromptFileFormatException(filePath, line, PromptFileProblem.EmptyCategory, "empty category: every prompt needs a category (any non-empty text).");
            }

            if (!seen.TryAdd(id, i))
            {
                var first = seen[id];
                var sameText = string.Equals(normalized[first], normalized[i], StringComparison.Ordinal);
                if (sameText && duplicates == DuplicatePromptHandling.KeepFirst)
                {
                    continue;
                }

                throw new DuplicatePromptIdException(filePath, id, _rows[first].Line, line, sameText);
            }

            prompts.Add(new OrBenchPrompt(id, text, new OrBenchCategory(category), subset, expected));
        }

        return prompts;
    }

    private void DeriveIds(int from, int to, string[] normalized, string?[] ids)
    {
        for (var i = from; i < to; i++)
        {
            var normal = PromptIds.Normalize(_rows[i].Text);
            normalized[i] = normal;
            ids[i] = normal.Length == 0 ? null : PromptIds.FromNormalized(normal, idPrefix);
        }
    }
}
