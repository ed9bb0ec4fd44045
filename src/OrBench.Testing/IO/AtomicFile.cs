using System.Text;

namespace OrBench.Testing.IO;

/// <summary>Writes a file through a temporary sibling that is renamed into place, so a reader never sees half a file.</summary>
internal static class AtomicFile
{
    public static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the file with <paramref name="write"/>; on any failure the temporary file is removed and the old file is untouched.</summary>
    public static async Task WriteAsync(string path, Func<TextWriter, Task> write, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536, useAsync: true))
            await using (var writer = new StreamWriter(stream, Utf8NoBom) { NewLine = "\n" })
            {
                await write(writer);
                cancellationToken.ThrowIfCancellationRequested();
                await writer.FlushAsync(cancellationToken);
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

    /// <summary>Writes a whole string atomically.</summary>
    public static Task WriteAllTextAsync(string path, string content, CancellationToken cancellationToken) =>
        WriteAsync(path, writer => writer.WriteAsync(content), cancellationToken);

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
