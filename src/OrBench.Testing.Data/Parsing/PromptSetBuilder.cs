namespace OrBench.Testing.Data;

/// <summary>Turns parsed rows into prompts: validates text and category, derives ids, and catches duplicates.</summary>
internal sealed class PromptSetBuilder(
    string filePath,
    OrBenchSubset subset,
    ExpectedBehavior expected,
    string idPrefix,
    DuplicatePromptHandling duplicates)
{
    private readonly Dictionary<string, (int Line, string Normalized)> _seen = new(StringComparer.Ordinal);
    private readonly List<OrBenchPrompt> _prompts = [];

    public void Add(string text, string category, int line)
    {
        var normalized = PromptIds.Normalize(text);
        if (normalized.Length == 0)
        {
            throw new PromptFileFormatException(filePath, line, PromptFileProblem.EmptyPrompt, "empty prompt: the prompt is empty or only white space.");
        }

        if (string.IsNullOrWhiteSpace(category))
        {
            throw new PromptFileFormatException(filePath, line, PromptFileProblem.EmptyCategory, "empty category: every prompt needs a category (any non-empty text).");
        }

        var id = PromptIds.FromNormalized(normalized, idPrefix);
        if (_seen.TryGetValue(id, out var first))
        {
            var sameText = string.Equals(first.Normalized, normalized, StringComparison.Ordinal);
            if (sameText && duplicates == DuplicatePromptHandling.KeepFirst)
            {
                return;
            }

            throw new DuplicatePromptIdException(filePath, id, first.Line, line, sameText);
        }

        _seen.Add(id, (line, normalized));
        _prompts.Add(new OrBenchPrompt(id, text, new OrBenchCategory(category), subset, expected));
    }

    public IReadOnlyList<OrBenchPrompt> Build()
    {
        if (_prompts.Count == 0)
        {
            throw new PromptFileFormatException(filePath, null, PromptFileProblem.NoPrompts, "the file holds no prompts.");
        }

        return _prompts;
    }
}
