using System.Text;
using System.Text.Unicode;

namespace OrBench.Testing.Data;

/// <summary>Strict UTF-8 decoding: a stray byte fails with its line instead of turning into U+FFFD and changing an id.</summary>
internal static class Utf8Text
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Decodes the bytes (with or without BOM) or throws <see cref="PromptFileFormatException"/> naming the line of the first bad byte.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string filePath)
    {
        if (bytes.StartsWith(Bom))
        {
            bytes = bytes[Bom.Length..];
        }

        Validate(bytes, filePath);
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Throws <see cref="PromptFileFormatException"/> naming the line of the first byte that is not valid UTF-8.</summary>
    public static void Validate(ReadOnlySpan<byte> bytes, string filePath)
    {
        if (!Utf8.IsValid(bytes))
        {
            var offset = FirstInvalidOffset(bytes);
            var line = 1 + bytes[..offset].Count((byte)'\n');
            throw new PromptFileFormatException(
                filePath,
                line,
                PromptFileProblem.InvalidUtf8,
                $"invalid UTF-8: byte 0x{bytes[offset]:X2} at byte offset {offset} does not start a valid UTF-8 sequence. Save the file as UTF-8.");
        }
    }

    /// <summary>The offset of the first byte that does not start a valid UTF-8 sequence (the bytes are known to be invalid).</summary>
    public static int FirstInvalidOffset(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (System.Buffers.OperationStatus.Done != System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed))
            {
                return offset;
            }

            offset += consumed;
        }

        return bytes.Length - 1;
    }
}
