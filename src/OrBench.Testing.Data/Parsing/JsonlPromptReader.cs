using System.Text.Json;

namespace OrBench.Testing.Data;

/// <summary>Reads JSON Lines prompt files: one object per line with string members <c>prompt</c> and <c>category</c>; blank lines are skipped.</summary>
internal static class JsonlPromptReader
{
    public static void Read(ReadOnlySpan<byte> bytes, string filePath, PromptSetBuilder builder)
    {
        var text = Utf8Text.Decode(bytes, filePath);
        var line = 0;
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            line++;
            var end = rest.IndexOf('\n');
            var rawLine = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            var content = rawLine.Trim();
            if (content.IsEmpty)
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(content.ToString());
            }
            catch (JsonException ex)
            {
                throw new PromptFileFormatException(filePath, line, PromptFileProblem.InvalidJson, $"not valid JSON: {ex.Message}");
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new PromptFileFormatException(filePath, line, PromptFileProblem.InvalidJson, $"expected a JSON object like {{\"prompt\": \"...\", \"category\": \"...\"}}, found a {root.ValueKind}.");
                }

                var prompt = ReadString(root, "prompt", filePath, line, PromptFileProblem.MissingPromptColumn);
                var category = ReadString(root, "category", filePath, line, PromptFileProblem.MissingCategoryColumn);
                builder.Add(prompt, category, line);
            }
        }
    }

    private static string ReadString(JsonElement root, string name, string filePath, int line, PromptFileProblem problem)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            throw new PromptFileFormatException(filePath, line, problem, $"no '{name}' string: each line must be an object with string members 'prompt' and 'category'.");
        }

        return value.GetString()!;
    }
}
