using System.Text.Json;
using OrBench.Testing.IO;

namespace OrBench.Testing.Generation.Checkpoints;

/// <summary>
/// An append-only record of every model answer of an unfinished run (<c>calls.journal.jsonl</c>), keyed by a hash
/// of model name and request. A resumed run replays journaled answers instead of calling the model again, even
/// for a stage that was interrupted half-way. Each line is flushed when written; a torn last line (from a crash)
/// is ignored. The journal is deleted when the run finishes, since the stage checkpoints then hold everything.
/// </summary>
internal sealed class CallJournal : IAsyncDisposable
{
    /// <summary>The key of the journal's first line, which holds the fingerprint of the options that wrote it.</summary>
    private const string HeaderKey = "#options";

    private readonly Dictionary<string, JournalEntry> _entries;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly string _path;
    private readonly string _optionsFingerprint;
    private StreamWriter? _writer;

    private CallJournal(string path, Dictionary<string, JournalEntry> entries, string optionsFingerprint)
    {
        _path = path;
        _entries = entries;
        _optionsFingerprint = optionsFingerprint;
    }

    /// <summary>Entries loaded from a previous invocation.</summary>
    public int LoadedCount { get; private init; }

    /// <summary>Opens the journal, loading the entries of an earlier invocation when <paramref name="load"/> is set.</summary>
    /// <param name="path">The journal file.</param>
    /// <param name="load">Resume: replay the answers of the earlier invocation.</param>
    /// <param name="optionsFingerprint">Hash of every stage's parameters; a journal written with others is refused.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="GenerationException">The journal was written by a run with other options.</exception>
    public static async Task<CallJournal> OpenAsync(string path, bool load, string optionsFingerprint, CancellationToken cancellationToken)
    {
        var entries = new Dictionary<string, JournalEntry>(StringComparer.Ordinal);
        if (load && File.Exists(path))
        {
            foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                try
                {
                    var entry = JsonSerializer.Deserialize<JournalEntry>(line, GenerationJson.Line);
                    if (entry is { Key: HeaderKey, Text: not null } && !string.Equals(entry.Text, optionsFingerprint, StringComparison.Ordinal))
                    {
                        // Without this, a stage interrupted half-way would quietly continue under other options.
                        throw new GenerationException(
                            $"Journal '{path}' of the interrupted run was written with different options or models than this resume. " +
                            "Resume with the original options, or delete the journal to drop the unfinished stage's answers (they will be requested again).")
                        { Path = path };
                    }

                    if (entry is { Key: not null and not HeaderKey, Text: not null })
                    {
                        entries[entry.Key] = entry;
                    }
                }
                catch (JsonException)
                {
                    // A torn line from an interrupted write: that call is simply made again.
                }
            }
        }

        return new CallJournal(path, entries, optionsFingerprint) { LoadedCount = entries.Count };
    }

    /// <summary>The journaled answer for a request, if any.</summary>
    public bool TryGet(string key, out JournalEntry entry)
    {
        lock (_entries)
        {
            return _entries.TryGetValue(key, out entry!);
        }
    }

    /// <summary>Records an answer and flushes it to disk before returning.</summary>
    public async Task AppendAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        lock (_entries)
        {
            _entries[entry.Key] = entry;
        }

        var line = JsonSerializer.Serialize(entry, GenerationJson.Line);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (_writer is null)
            {
                var endsTorn = EndsWithoutLineBreak(_path);
                var isNew = !File.Exists(_path) || new FileInfo(_path).Length == 0;
                _writer = new StreamWriter(new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read), AtomicFile.Utf8NoBom) { NewLine = "\n" };
                if (endsTorn)
                {
                    // End the torn line a crash left behind, so this answer is not glued to it and lost as well.
                    await _writer.WriteLineAsync();
                }

                if (isNew)
                {
                    var header = new JournalEntry(HeaderKey, string.Empty, GenerationStage.Seeds, _optionsFingerprint, 0, 0);
                    await _writer.WriteLineAsync(JsonSerializer.Serialize(header, GenerationJson.Line));
                }
            }

            await _writer.WriteLineAsync(line);
            await _writer.FlushAsync(CancellationToken.None);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static bool EndsWithoutLineBreak(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length == 0)
        {
            return false;
        }

        using var stream = file.OpenRead();
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() != '\n';
    }

    /// <summary>Closes and removes the journal once every stage is checkpointed.</summary>
    public async Task DeleteAsync()
    {
        await DisposeAsync();
        File.Delete(_path);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
            _writer = null;
        }

        _writeLock.Dispose();
    }
}

/// <summary>One journaled model answer.</summary>
internal sealed record JournalEntry(string Key, string Model, GenerationStage Stage, string Text, long InputTokens, long OutputTokens);
