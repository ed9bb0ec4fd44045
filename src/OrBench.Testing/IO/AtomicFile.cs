using System.Text;

namespace OrBench.Testing.IO;

/// <summary>Writes a file through a temporary sibling that is renamed into place, so a reader never sees half a file.</summary>
internal static class AtomicFile
{
    public static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the file with <paramref name="write"/>; on any failure the temporary file is removed and the old file is untouched.</summary>
    public static Task WriteAsync(string path, Func<TextWriter, Task> write, CancellationToken cancellationToken) =>
        WriteBytesAsync(
            path,
            async stream =>
            {
                await using var writer = new StreamWriter(stream, Utf8NoBom, bufferSize: 65536, leaveOpen: true) { NewLine = "\n" };
                await write(writer);
                await writer.FlushAsync(cancellationToken);
            },
            cancellationToken);

    /// <summary>
    /// Like <see cref="WriteAsync"/> for writers that produce UTF-8 bytes themselves (JSON Lines through
    /// <see cref="System.Text.Json.Utf8JsonWriter"/>), so large files are never held as one string.
    /// </summary>
    public static async Task WriteBytesAsync(string path, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536, useAsync: true))
            {
                await write(stream);
                cancellationToken.ThrowIfCancellationRequested();
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public static Task WriteAllTextAsync(string path, string content, CancellationToken cancellationToken) =>
        WriteAsync(path, writer => writer.WriteAsync(content), cancellationToken);

    /// <summary>The synchronous <see cref="WriteAllTextAsync"/>, for callers that cannot await (a synchronous assertion): no sync-over-async.</summary>
    public static void WriteAllText(string path, string content)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536))
            {
                var bytes = Utf8NoBom.GetBytes(content);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
