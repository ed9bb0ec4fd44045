using OrBench.Testing.Results;

namespace OrBench.Testing.Snapshots;

/// <summary>
/// Snapshot verification of per-prompt records, following Verify's conventions without depending on it: a committed
/// <c>.verified.jsonl</c> beside the test, a <c>.received.jsonl</c> on mismatch, acceptance by environment or command.
/// </summary>
public static class VerifiedRecords
{
    /// <summary>
    /// Compares <paramref name="result"/>'s records with <c>&lt;stem&gt;.verified.jsonl</c> in <paramref name="directory"/>,
    /// writing, creating, accepting or cleaning up files as <see cref="SnapshotStatus"/> describes.
    /// </summary>
    public static Task<SnapshotCheck> CheckAsync(OrBenchResult result, string directory, string stem, SnapshotOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        return CheckReceivedAsync(Receive(result), directory, stem, options, cancellationToken);
    }

    /// <summary>The result's snapshot records in file order, and their file text: built once per verification.</summary>
    internal static (IReadOnlyList<SnapshotRecord> Records, string Text) Receive(OrBenchResult result)
    {
        var records = result.Records.Select(SnapshotRecord.From).OrderBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => r.Repeat).ToList();
        return (records, SnapshotFiles.Format(records));
    }

    internal static async Task<SnapshotCheck> CheckReceivedAsync((IReadOnlyList<SnapshotRecord> Records, string Text) receivedSnapshot, string directory, string stem, SnapshotOptions? options, CancellationToken cancellationToken)
    {
        var (verifiedPath, receivedPath) = Paths(directory, stem);
        var verified = File.Exists(verifiedPath) ? await SnapshotFiles.ReadAsync(verifiedPath, cancellationToken).ConfigureAwait(false) : null;
        var (check, write) = Decide(verified, receivedSnapshot.Records, options ?? new SnapshotOptions(), verifiedPath, receivedPath);
        if (write is not null)
        {
            await SnapshotFiles.WriteAsync(write, receivedSnapshot.Text, cancellationToken).ConfigureAwait(false);
        }

        Clean(check);
        return check;
    }

    /// <summary>The synchronous <see cref="CheckReceivedAsync"/> (synchronous file I/O, no sync-over-async), for assertions that cannot be awaited.</summary>
    internal static SnapshotCheck CheckReceived((IReadOnlyList<SnapshotRecord> Records, string Text) receivedSnapshot, string directory, string stem, SnapshotOptions? options)
    {
        var (verifiedPath, receivedPath) = Paths(directory, stem);
        var verified = File.Exists(verifiedPath) ? SnapshotFiles.Read(verifiedPath) : null;
        var (check, write) = Decide(verified, receivedSnapshot.Records, options ?? new SnapshotOptions(), verifiedPath, receivedPath);
        if (write is not null)
        {
            SnapshotFiles.Write(write, receivedSnapshot.Text);
        }

        Clean(check);
        return check;
    }

    private static (string Verified, string Received) Paths(string directory, string stem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(stem);
        return (SnapshotFiles.VerifiedPath(directory, stem), SnapshotFiles.ReceivedPath(directory, stem));
    }

    // The one decision of a verification: its status, and which file (if any) gets the received text.
    private static (SnapshotCheck Check, string? Write) Decide(IReadOnlyList<SnapshotRecord>? verified, IReadOnlyList<SnapshotRecord> received, SnapshotOptions options, string verifiedPath, string receivedPath)
    {
        if (verified is null)
        {
            return options.OnCi && !options.ShouldAccept
                ? (new SnapshotCheck(SnapshotStatus.MissingOnCi, verifiedPath, receivedPath, SnapshotDiff.Compute([], received, options.VerifyResponses)), receivedPath)
                : (new SnapshotCheck(SnapshotStatus.Created, verifiedPath, receivedPath, new SnapshotDiff { Changes = [] }), verifiedPath);
        }

        var diff = SnapshotDiff.Compute(verified, received, options.VerifyResponses);
        return diff.IsEmpty ? (new SnapshotCheck(SnapshotStatus.Matched, verifiedPath, receivedPath, diff), null)
            : options.ShouldAccept ? (new SnapshotCheck(SnapshotStatus.Accepted, verifiedPath, receivedPath, diff), verifiedPath)
            : (new SnapshotCheck(SnapshotStatus.Mismatched, verifiedPath, receivedPath, diff), receivedPath);
    }

    // A verification that leaves the verified file in agreement removes a stale received file.
    private static void Clean(SnapshotCheck check)
    {
        if (check.Status is SnapshotStatus.Created or SnapshotStatus.Matched or SnapshotStatus.Accepted)
        {
            DeleteIfExists(check.ReceivedPath);
        }
    }

    private static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
