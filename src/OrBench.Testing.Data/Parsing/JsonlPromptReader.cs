using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace OrBench.Testing.Data;

/// <summary>
/// Reads JSON Lines prompt files: one object per line with string members <c>prompt</c> and <c>category</c>; blank
/// lines are skipped. Every error names the file, the line and, where one is at fault, the member.
/// </summary>
internal static class JsonlPromptReader
{
    public static void Read(ReadOnlyMemory<byte> bytes, string filePath, PromptSetBuilder builder)
    {
        if (!Utf8.IsValid(bytes.Span))
        {
            ThrowInvalidUtf8(bytes.Span, filePath);
        }

        var text = Utf8Text.Decode(bytes.Span, filePath);
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
            throw new PromptFileFormatException(filePath, line, name, problem, $"no '{name}' string: each line must be an object with string members 'prompt' and 'category'.");
        }

        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            // A "\ud800" escape without its pair decodes to no valid text: the prompt would reach the model altered.
            throw new PromptFileFormatException(filePath, line, name, PromptFileProblem.InvalidText, $"the string is not valid Unicode text (a \\u escape names a lone UTF-16 surrogate, e.g. \\ud800 without its low half): {ex.Message}");
        }
    }

    /// <summary>Names the line and, when the line still parses with the bad bytes replaced, the member that holds them.</summary>
    private static void ThrowInvalidUtf8(ReadOnlySpan<byte> bytes, string filePath)
    {
        var offset = Utf8Text.FirstInvalidOffset(bytes);
        var lineStart = bytes[..offset].LastIndexOf((byte)'\n') + 1;
        var lineLength = bytes[lineStart..].IndexOf((byte)'\n');
        var lineBytes = lineLength < 0 ? bytes[lineStart..] : bytes[lineStart..(lineStart + lineLength)];
        string? field = null;
        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(lineBytes));
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                field = document.RootElement.EnumerateObject()
                    .Where(p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.Contains('\uFFFD', StringComparison.Ordinal))
                    .Select(p => p.Name)
                    .FirstOrDefault();
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // The line is not JSON either way: the line alone is what can be named.
        }

        throw new PromptFileFormatException(
            filePath,
            1 + bytes[..offset].Count((byte)'\n'),
            field,
            PromptFileProblem.InvalidUtf8,
            $"invalid UTF-8: byte 0x{bytes[offset]:X2} at byte offset {offset} does not start a valid UTF-8 sequence. Save the file as UTF-8.");
    }
}
